import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** E-mail to a klant beside the in-app bericht. A no-op unless SMTP_URL is configured. */
export interface MailPort {
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

export function createMailPort(smtpUrl: string | undefined, from = 'Regie <noreply@regie.local>'): MailPort {
  if (!smtpUrl) return { enabled: false, send: async () => undefined };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
