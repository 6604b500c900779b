import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { antdStaticStyles } from "./scripts/antdStaticStyles.ts";
import { immutableAssets } from "./scripts/immutableAssets.ts";

// APP_PORT lets several checkouts (and the e2e run) serve side by side.
const port = Number(process.env.APP_PORT ?? 4173);

export default defineConfig({
  plugins: [react(), antdStaticStyles(), immutableAssets()],
  server: { port: Number(process.env.APP_DEV_PORT ?? 5173), strictPort: true },
  preview: { port, strictPort: true, host: "127.0.0.1" },
  build: { chunkSizeWarningLimit: 1500 },
});
