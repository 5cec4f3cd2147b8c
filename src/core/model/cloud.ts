// What the optional instance-metadata probe (detect-cloud) found. Pure data.
import type { Provider } from './tables.js';

export interface CloudMetadata {
  provider: Provider;
  /** Provider's region name (AWS "us-east-1", Azure "eastus2", GCP "europe-west1"); null when not reported. */
  region: string | null;
  /** AWS "m5.xlarge", Azure "Standard_D4ads_v5", GCP "n2-standard-4"; null when not reported. */
  instanceType: string | null;
  /** How it was found, e.g. "AWS IMDSv2". */
  source: string;
}
