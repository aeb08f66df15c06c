// `npm start` runs this first: it parses the configuration so that a wrong variable stops the
// start with one line before a long build, and tells the launcher its own settings on stdout.
import { configOrExit } from "@/lib/config";

const settings = configOrExit();
console.log(JSON.stringify({ skipBuild: settings.skipBuild }));
