// The built app's hashed files (/assets/*) are cached for a year: a file's name changes with its content, so a cached
// one is never stale. Vite's preview server (what `npm start` serves) marks every file no-cache, and a browser then
// asks again for each of the first page's ~40 chunks on every visit, six at a time.
import type { Plugin } from "vite";

const IMMUTABLE = "public, max-age=31536000, immutable";

export function immutableAssets(): Plugin {
  let assets = "/assets/";
  return {
    name: "immutable-assets",
    configResolved(config) {
      assets = `${config.base}${config.build.assetsDir}/`;
    },
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith(assets)) {
          // the static server writes its own Cache-Control with the status line: replace it there
          const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => typeof response;
          response.writeHead = ((...args: unknown[]) => {
            const headers = args.find((arg): arg is Record<string, unknown> => typeof arg === "object" && arg !== null && !Array.isArray(arg));
            if (headers) headers["Cache-Control"] = IMMUTABLE;
            else response.setHeader("Cache-Control", IMMUTABLE);
            return writeHead(...args);
          }) as typeof response.writeHead;
        }
        next();
      });
    },
  };
}
