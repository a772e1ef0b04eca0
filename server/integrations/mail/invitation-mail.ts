import { createTransport } from "nodemailer";

export interface InvitationMail {
  to: string;
  inviteeName: string;
  inviterName: string;
  teamName: string;
  link: string;
  expiresAt: Date;
}

/** Where invitation emails go out: TOILCAP_SMTP_URL (smtp:// or smtps://, credentials in the URL); none, none sent. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export function mailSettings(env: Readonly<Record<string, string | undefined>> = process.env): MailSettings | null {
  const smtpUrl = env.TOILCAP_SMTP_URL;
  if (!smtpUrl) return null;
  return { smtpUrl, from: env.TOILCAP_MAIL_FROM ?? "Toilcap <toilcap@localhost>" };
}

export function invitationText(mail: InvitationMail): string {
  return [
    `Hello ${mail.inviteeName},`,
    "",
    `${mail.inviterName} invited you to the team ${mail.teamName} on Toilcap.`,
    `Create your account with this link (it works once, until ${mail.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC):`,
    "",
    mail.link,
    "",
    "If you did not expect this, ignore this email.",
  ].join("\n");
}

export async function sendInvitationMail(settings: MailSettings, mail: InvitationMail): Promise<void> {
  const transport = createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: `You are invited to ${mail.teamName} on Toilcap`,
      text: invitationText(mail),
    });
  } finally {
    transport.close();
  }
}
