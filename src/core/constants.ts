// The named constants of carbon-gate that are not data rows: each lives here once, with its source.
// Data with provenance (coefficients, PUE, factors) stays in data/; tests check that the copies agree.

/**
 * Hours in CCF's 4-year server lifespan (SERVER_EXPECTED_LIFESPAN = 35040), over which embodied
 * emissions are amortised. data/constants.json records the same value with its source.
 */
export const LIFESPAN_HOURS = 35_040;

/**
 * Windows: seconds between two reads of the process table (Win32_Process through PowerShell). One CIM
 * query costs far more than a /proc read, so the tree is read this often and the machine every tick.
 */
export const WIN32_TREE_PERIOD_SECONDS = 5;

