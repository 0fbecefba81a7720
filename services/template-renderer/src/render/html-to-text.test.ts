import { insertPreheader } from "./email-preheader";
import { htmlToText } from "./html-to-text";
import { finaliseSms } from "./sms-opt-out";

test("htmlToText keeps paragraphs, list items and link targets, and drops head and hidden parts", () => {
  const html = `<html><head><title>T</title><style>p{color:red}</style></head><body>
<div data-text-alternative="omit">preview</div>
<p>Hi   Ana,
  welcome.</p><ul><li>One &amp; two</li><li>Three</li></ul>
<p><a href="https://x.example/a?b=1&amp;c=2">See it</a><br>Thanks &mdash; Dan</p></body></html>`;
  expect(htmlToText(html)).toBe("Hi Ana, welcome.\n\n- One & two\n- Three\n\nSee it (https://x.example/a?b=1&c=2)\nThanks — Dan");
});

test("insertPreheader escapes the preheader and places it right after <body>", () => {
  expect(insertPreheader('<body class="x"><p>a</p></body>', "<b>Now</b>")).toMatch(/^<body class="x"><div data-text-alternative="omit"[^>]*>&#60;b&#62;Now&#60;\/b&#62;<\/div><p>a<\/p>/);
  expect(insertPreheader("<p>a</p>", "")).toBe("<p>a</p>");
});

test("finaliseSms tidies whitespace and appends the opt-out line only when missing", () => {
  expect(finaliseSms("  Hi   there.  \n\n\n\nSee you ")).toBe("Hi there.\n\nSee you\nReply STOP to opt out");
  expect(finaliseSms("Hi. Reply STOP to end.")).toBe("Hi. Reply STOP to end.");
  expect(finaliseSms("")).toBe("Reply STOP to opt out");
});
