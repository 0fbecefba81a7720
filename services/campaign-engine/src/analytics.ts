import type { Kysely } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { CampaignAnalytics } from "@mcb/contracts";
import type { CampaignDatabase } from "./db";

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);
const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** The seed's analytics view, computed from the campaign's delivery and engagement counts. */
export async function campaignAnalytics(db: Kysely<CampaignDatabase>, tenantId: string, campaignId: string): Promise<CampaignAnalytics> {
  const campaign = await db.selectFrom("campaigns").selectAll().where("tenant_id", "=", tenantId).where("campaign_id", "=", campaignId).executeTakeFirst();
  if (!campaign) throw new ServiceError("NOT_FOUND", `campaign ${campaignId} not found`);
  const activity = await db.selectFrom("campaign_activity").select(["hour", "channel", "kind", "count"]).where("campaign_id", "=", campaignId).orderBy("hour").execute();

  const total = (kind: string, channel?: string) => activity.filter((a) => a.kind === kind && (!channel || a.channel === channel)).reduce((n, a) => n + a.count, 0);
  const sent = total("sent");
  const failed = total("failed");
  const bounced = total("bounced");
  const emailsSent = total("sent", "EMAIL");
  const summary = {
    status: campaign.campaign_status,
    sent_count: sent,
    delivery_rate: ratio(sent - bounced, sent + failed),
    open_rate: ratio(total("opened", "EMAIL"), emailsSent),
    click_rate: ratio(total("clicked"), sent),
    conversion_rate: ratio(total("converted"), sent),
    roi: null, // needs revenue attribution, which no event carries yet
    total_revenue: 0,
  };

  const hours = new Map<string, CampaignAnalytics["engagement_timeline"][number]>();
  for (const a of activity) {
    const key = a.hour.toISOString();
    const bucket = hours.get(key) ?? { hour: key, sent: 0, delivered: 0, opened: 0, clicked: 0, converted: 0 };
    if (a.kind in bucket && a.kind !== "hour") (bucket as unknown as Record<string, number>)[a.kind]! += a.count;
    hours.set(key, bucket);
  }
  const byChannel: CampaignAnalytics["audience_insights"]["by_channel"] = {};
  for (const channel of campaign.delivery_channels) byChannel[channel] = { sent: total("sent", channel), failed: total("failed", channel) };

  const goals = campaign.performance_goals;
  const recommendations: string[] = [];
  if (sent === 0) recommendations.push(campaign.campaign_status === "SCHEDULED" ? `Scheduled for ${campaign.scheduled_send_date?.toISOString()}: nothing sent yet` : "Nothing has been sent yet");
  if (failed > 0) recommendations.push(`${failed} deliveries failed: check contact addresses and provider configuration`);
  if (emailsSent > 0 && total("opened") === 0) recommendations.push("No opens recorded yet: opens arrive through the SendGrid event webhook");
  if (goals.open_rate !== undefined && emailsSent >= 20 && summary.open_rate < goals.open_rate) recommendations.push(`Open rate ${pct(summary.open_rate)} is below the ${pct(goals.open_rate)} goal: A/B test subject lines`);
  if (goals.click_rate !== undefined && sent >= 20 && summary.click_rate < goals.click_rate) recommendations.push(`Click rate ${pct(summary.click_rate)} is below the ${pct(goals.click_rate)} goal: move the call to action higher`);

  return {
    campaign_id: campaignId,
    performance_summary: summary,
    engagement_timeline: [...hours.values()],
    audience_insights: {
      audience_size: campaign.audience_size,
      estimated_reach: campaign.estimated_reach,
      deliveries_requested: campaign.deliveries_total,
      deliveries_failed: campaign.deliveries_failed,
      by_channel: byChannel,
    },
    optimization_recommendations: recommendations,
    goals,
  };
}
