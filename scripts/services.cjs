// The five services, in start order, and where their compiled entry points and migrations live.
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const services = ["audience-service", "template-renderer", "campaign-engine", "ghl-delivery", "gateway"].map((name) => ({
  name,
  main: path.join(root, "services", name, "dist", "main.js"),
  migrations: path.join(root, "services", name, "dist", "migrations", "index.js"),
}));

module.exports = { root, services };
