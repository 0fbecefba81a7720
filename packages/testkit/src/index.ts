export { createTestEnv, waitFor, type TestEnv } from "./test-env";
