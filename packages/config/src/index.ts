export { loadConfig, ConfigError } from "./load-config";
export { baseEnvSchema, type BaseEnv } from "./base-env";
