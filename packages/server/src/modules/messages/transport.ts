import nodemailer from 'nodemailer';

/** How a message leaves the building. SMTP via nodemailer when `SMTP_URL` is set; tests pass their own. */
export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transporter.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text });
    },
    close() {
      transporter.close();
    },
  };
}
