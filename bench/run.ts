// `npm run bench [name...]`: runs every benchmark module in bench/ (or the named ones), one after another.
// A benchmark is a module here exporting `run(): Promise<void>` that prints its own table of numbers.
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && file !== "run.ts" && !file.endsWith(".test.ts"))
  .map((file) => file.replace(/\.ts$/, ""))
  .sort();

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(", ")} (available: ${available.join(", ")})`);
  process.exit(2);
}

for (const name of wanted.length ? wanted : available) {
  const module = (await import(pathToFileURL(`${here}/${name}.ts`).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== "function") continue;
  console.log(`\n== bench: ${name}`);
  await module.run();
}
