// The raw baseline: an express hello-world route, run as its own process like the gateway.
import express from "express";

const app = express();
app.disable("x-powered-by");
app.set("etag", false);
app.get("/hello", (_req, res) => res.json({ hello: "world" }));
app.post("/hello", express.json(), (req, res) => res.status(201).json({ received: Object.keys(req.body ?? {}).length }));
const server = app.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
