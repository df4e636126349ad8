import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { aanmelden, accounts, until } from './prb-support.ts';

// A real SMTP server on loopback stands in for the gemeente's mail relay (a boundary we cannot reach here).
const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server') as {
  SMTPServer: new (opts: object) => { listen(port: number, host: string, cb: () => void): void; server: { address(): AddressInfo }; close(cb: () => void): void };
};

interface Received {
  to: string[];
  body: string;
}

let srv: TestServer;
let smtp: InstanceType<typeof SMTPServer>;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream: NodeJS.ReadableStream, session: { envelope: { rcptTo: { address: string }[] } }, callback: () => void) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  srv = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${smtp.server.address().port}` });
});
afterAll(async () => {
  await srv?.stop();
  await new Promise<void>((r) => smtp?.close(r));
});

describe('notificatie by e-mail', () => {
  it('mails the klant once, at the address of their klant record, when the besluit is sent', async () => {
    const a = await accounts(srv, 'zoetermeer');
    const geboren = `${new Date().getUTCFullYear() - 30}-01-01`;
    await aanmelden(a.klant, { geboortedatum: geboren, uitkering: 'WWB', uitkeringSinds: '2026-05-01', alleenstaandeOuder: 'nee', langdurigGedeeltelijkArbeidsongeschikt: 'nee' });
    const mail = await until(async () => received.find((m) => m.body.includes('Er is een besluit over uw aanvraag')), 'mail');
    expect(mail.to).toEqual(['klant1@zoetermeer.demo.regie.nl']);
    expect(mail.body).toMatch(/bezwaar maken/);
    expect(received.filter((m) => m.body.includes('Er is een besluit over uw aanvraag'))).toHaveLength(1);
  });
});
