// Entry point of the auth process the stack spawns; every setting comes from the environment.
import pg from "pg";
import { createAuthServer, type AuthConfig } from "./server";

function configFromEnv(): AuthConfig {
  const env = (name: string) => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is not set`);
    return value;
  };
  return {
    port: Number(env("AUTH_PORT")),
    databaseUrl: env("AUTH_DATABASE_URL"),
    jwtSecret: env("AUTH_JWT_SECRET"),
    jwtExpiry: Number(env("AUTH_JWT_EXPIRY")),
    refreshTokenReuseInterval: Number(env("AUTH_REFRESH_TOKEN_REUSE_INTERVAL")),
    refreshTokenRotation: env("AUTH_REFRESH_TOKEN_ROTATION") === "true",
    enableSignup: env("AUTH_ENABLE_SIGNUP") === "true",
    externalUrl: env("AUTH_EXTERNAL_URL"),
    minimumPasswordLength: Number(env("AUTH_MINIMUM_PASSWORD_LENGTH")),
    passwordRequirements: env("AUTH_PASSWORD_REQUIREMENTS") as AuthConfig["passwordRequirements"],
    rateLimit: {
      signInSignUps: Number(env("AUTH_RATE_LIMIT_SIGN_IN_SIGN_UPS")),
      tokenRefresh: Number(env("AUTH_RATE_LIMIT_TOKEN_REFRESH")),
    },
  };
}

const config = configFromEnv();
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 5 });
pool.on("error", (error) => console.error(`database connection lost: ${error.message}`));
await pool.query("select 1");
const server = createAuthServer(config, pool);
server.listen(config.port, "127.0.0.1");

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// The stack keeps an IPC channel open only so that this process notices when the stack is gone, and goes too.
process.on("disconnect", shutdown);
