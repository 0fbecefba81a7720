import { bulletList, callToAction, greeting, paragraph, placeName, signature, smsBody, smsIntro, smsLink } from "./content-blocks";
import { classicTheme, emailDocument } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const theme = classicTheme;

/** Initial Contact stage: establish the relationship and ask one easy question. */
export const leadNurturingWelcome: LibraryTemplate = {
  template_id: "lib_lead_nurturing_welcome",
  template_name: "Lead Nurturing — Welcome & Next Steps",
  description:
    "A warm first touch for new leads: introduces the agent, sets expectations and asks one easy question to start the conversation.",
  campaign_type: "lead_nurturing",
  target_segments: ["FIRST_TIME_BUYERS", "RELOCATING_BUYERS", "SELLERS", "SPHERE_OF_INFLUENCE"],
  contents: [
    {
      channel: "EMAIL",
      subject: `<% if (it.first_name) { %><%= it.first_name %>, great<% } else { %>Great<% } %> to connect — here's how I can help`,
      preheader: "Local market insight and honest advice, with no pressure, whenever you're ready.",
      body: emailDocument(theme, {
        title: "Great to connect",
        body: [
          greeting(),
          paragraph(
            `Thanks for reaching out<% if (it.agent_name) { %>. I'm <%= it.agent_name %><% if (it.agency_name) { %> with <%= it.agency_name %><% } %>, and I'm<% } else { %>. I'm<% } %> glad you're here. Whether you're just starting to explore or already have a move in mind, my job is to make every step in ${placeName} clearer and less stressful.`,
          ),
          paragraph("Here's what you can count on from me:"),
          bulletList([
            `Straight answers on what homes are really selling for in ${placeName}`,
            "Early word on new listings that fit what you're looking for",
            "A clear plan and timeline, with no pressure to rush",
          ]),
          paragraph(
            "To point you in the right direction: what's the one question about buying or selling that's on your mind right now? Just hit reply. I read every message personally.",
          ),
          callToAction(theme, "Book a quick call", "Or reply with a good time for a quick call, and I'll make it work."),
          signature("Talk soon,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `Thanks for reaching out! Are you thinking about buying, selling, or both? Happy to answer any questions about ${placeName}.${smsLink}`,
      ),
    },
  ],
};
