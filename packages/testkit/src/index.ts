export { createTestEnv, waitFor, type TestEnv } from "./test-env";
export { startFakeHttpServer, type ProviderFake, type RecordedRequest, type RefusedRequest, type FakeAnswer, type FakeVendor } from "./fakes/fake-http-server";
export { startSendGridFake, type SendGridFake, type SendGridFakeOptions, type SendGridMailRequest } from "./fakes/sendgrid-fake";
export { startTwilioFake, type TwilioFake, type TwilioFakeOptions, type TwilioMessageRequest } from "./fakes/twilio-fake";
export { startGhlFake, GHL_CONVERSATIONS_VERSION, type GhlFake, type GhlFakeOptions, type GhlSendMessageRequest } from "./fakes/ghl-fake";
export { startServices, createToken, runCli, freePort, SERVICE_NAMES, type RunningServices } from "./service-processes";
