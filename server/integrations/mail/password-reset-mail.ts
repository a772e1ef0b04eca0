import { createTransport } from "nodemailer";
import type { MailSettings } from "./invitation-mail";

export interface PasswordResetMail {
  to: string;
  name: string;
  adminName: string;
  link: string;
  expiresAt: Date;
}

export function passwordResetText(mail: PasswordResetMail): string {
  return [
    `Hello ${mail.name},`,
    "",
    `${mail.adminName}, an administrator of your Toilcap, issued a link for you to set a new password.`,
    "It works once, until " +
      mail.expiresAt.toISOString().slice(0, 16).replace("T", " ") +
      " UTC, and signs you out everywhere:",
    "",
    mail.link,
    "",
    "If you did not ask for this, tell your administrator.",
  ].join("\n");
}

export async function sendPasswordResetMail(settings: MailSettings, mail: PasswordResetMail): Promise<void> {
  const transport = createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: "Set a new password for Toilcap",
      text: passwordResetText(mail),
    });
  } finally {
    transport.close();
  }
}
