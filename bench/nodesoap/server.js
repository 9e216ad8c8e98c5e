'use strict';
// A small node-soap mock of InGe's Kursauskunft and KursplanungErfassen, the
// comparison of bench/run.sh: what a SOAP mock built the usual way in
// Node.js costs per request.
//
// It loads the harness's WSDL (with the XSD beside it, or both from a
// running mockinge), lets node-soap parse each request against it, checks
// the WS-Security UsernameToken in node-soap's authenticate hook (the user is
// known, wsu:Created is fresh, and the PasswordDigest
// Base64(SHA-1(nonce + created + password)) matches) and answers with a
// fixed-shape answer of status "verarbeitet" ("geprueft" under Rollback).
// KursplanungErfassen hands out a new Kurskennung each time. Nothing is
// stored, there is no replay cache and no journal.
//
// Usage: node server.js [--port 0] [--host 127.0.0.1] [--wsdl FILE-OR-URL]
// Prints "nodesoap: http://HOST:PORT/inge" once it serves.

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const soap = require('soap');

const args = { port: '0', host: '127.0.0.1', wsdl: path.join(__dirname, '..', '..', 'internal', 'inge', 'contract', 'inge-kurstraeger.wsdl') };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--?/, '');
  if (!(key in args) || i + 1 >= process.argv.length) {
    console.error(`nodesoap: unknown or incomplete argument ${process.argv[i]}`);
    process.exit(2);
  }
  args[key] = process.argv[i + 1];
}

// The standard users of the embedded Testdatenpaket (README, "Test users").
const users = new Map([
  ['kt1.sachbearbeitung', { password: 'Test!Passwort1', traeger: '10000001' }],
  ['kt1.leitung', { password: 'Test!Passwort2', traeger: '10000001' }],
  ['kt2.sachbearbeitung', { password: 'Test!Passwort3', traeger: '10000002' }],
]);

const digestType = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const windowMs = 5 * 60 * 1000; // as mockinge's -token-window
const skewMs = 60 * 1000; // as mockinge's -token-skew

// text is the character data of a parsed element, with or without attributes.
function text(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return v.$value === undefined ? '' : String(v.$value);
  return String(v);
}

function authenticate(security, _callback, req) {
  const token = security && security.UsernameToken;
  if (!token) return false;
  const user = users.get(text(token.Username));
  const pw = token.Password;
  if (!user || !pw || typeof pw !== 'object' || !pw.attributes || pw.attributes.Type !== digestType) return false;
  const created = text(token.Created);
  const nonce = text(token.Nonce);
  const t = Date.parse(created);
  const now = Date.now();
  if (!nonce || Number.isNaN(t) || t < now - windowMs || t > now + skewMs) return false;
  if (text(pw) !== soap.passwordDigest(nonce, created, user.password)) return false;
  req.benchUser = user;
  return true;
}

function vorgangsnummer() {
  const d = new Date().toISOString();
  return `V-${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${crypto.randomBytes(8).toString('hex')}`;
}

// The Mandant must be the caller's Träger, as in mockinge (F206 there).
function checkMandant(a, req) {
  const t = text(a && a.Mandant && a.Mandant.Traegernummer);
  if (t !== req.benchUser.traeger) {
    throw { Fault: { faultcode: 'soapenv:Client', faultstring: `Mandant ${t} ist nicht der Träger des Benutzers`, statusCode: 500 } };
  }
  return t;
}

function rollback(a) {
  const r = text(a && a.Rollback);
  return r === 'true' || r === '1';
}

let nextKurs = 0;

const service = {
  InGeKurstraegerService: {
    InGeKurstraegerPort: {
      Kursauskunft(a, _cb, _headers, req) {
        const traeger = checkMandant(a, req);
        return {
          Status: 'verarbeitet',
          Vorgangsnummer: vorgangsnummer(),
          Kurs: {
            Kurskennung: text(a.Kurskennung),
            Traegernummer: traeger,
            Kursstatus: 'geplant',
            Kursbeginn: '2027-05-10',
            Kursende: '2027-11-06',
            Kursort: 'KO-10000001-01',
            Unterrichtszeit: { Wochentag: 'Mo', Beginn: '08:30', Ende: '12:45', Unterrichtseinheiten: 5 },
            TnrKursMax: 20,
            Teilnehmer: [
              { Ident: { Geburtsdatum: '1991-04-17', Aktenzeichen: { attributes: { Art: 'BAMF' }, $value: '6100101-475' } } },
              { Ident: { Geburtsdatum: '1995-11-02', Aktenzeichen: { attributes: { Art: 'BAMF' }, $value: '6100102-423' } } },
            ],
            Lehrkraft: { Lehrkraftkennung: 'LK-2019-00417' },
          },
        };
      },
      KursplanungErfassen(a, _cb, _headers, req) {
        checkMandant(a, req);
        const geprueft = rollback(a);
        const kennung = 'K' + String(++nextKurs).padStart(9, '0');
        return {
          Status: geprueft ? 'geprueft' : 'verarbeitet',
          Vorgangsnummer: vorgangsnummer(),
          Meldungen: {
            Meldung: geprueft
              ? { Code: 'M1003', Art: 'Hinweis', Text: 'Rollback: Die Meldung wurde fehlerfrei geprüft und nicht gespeichert.' }
              : { Code: 'M3000', Art: 'Hinweis', Text: 'Kursplanung erfolgreich gespeichert.' },
          },
          Kurskennung: kennung,
        };
      },
    },
  },
};

async function loadWSDL(source) {
  if (/^https?:/i.test(source)) {
    const r = await fetch(source);
    if (!r.ok) throw new Error(`GET ${source}: HTTP ${r.status}`);
    return { xml: await r.text(), uri: source, wsdlOptions: {} };
  }
  // The WSDL imports the XSD from mockinge's address (?xsd=NAME); from a
  // file, the XSD of that name beside it is taken instead.
  const dir = path.dirname(path.resolve(source));
  return {
    xml: fs.readFileSync(source, 'utf8'),
    uri: path.resolve(source),
    wsdlOptions: {
      overrideImportLocation(resolved, _parent, location) {
        const m = /[?&]xsd=([^&]+)$/.exec(location);
        return m ? path.join(dir, decodeURIComponent(m[1])) : resolved;
      },
    },
  };
}

async function main() {
  const { xml, uri, wsdlOptions } = await loadWSDL(args.wsdl);
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.keepAliveTimeout = 120 * 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(args.port), args.host, resolve);
  });
  const soapServer = soap.listen(server, {
    path: '/inge',
    services: service,
    xml,
    uri,
    wsdl_options: wsdlOptions,
    callback(err) {
      if (err) {
        console.error('nodesoap: WSDL:', err);
        process.exit(1);
      }
      const { address, port } = server.address();
      console.log(`nodesoap: http://${address}:${port}/inge`);
    },
  });
  soapServer.authenticate = authenticate;
}

main().catch((err) => {
  console.error('nodesoap:', err);
  process.exit(1);
});
