import { describe, expect, it } from 'vitest';
import { detectInternalHosts, detectIps } from './network.js';

const hosts = (text: string) => detectInternalHosts(text).map((span) => text.slice(span.start, span.end));
const ips = (text: string) => detectIps(text).map((span) => text.slice(span.start, span.end));

describe('machine names (round 8)', () => {
  it('takes a name after a device word, also at the end of a sentence', () => {
    expect(hosts('her laptop FIN-LT-0147 gets an address from DHCP')).toEqual(['FIN-LT-0147']);
    expect(hosts('DHCP reservation for the label printer, hostname zebra-dock-1.')).toEqual(['zebra-dock-1']);
    expect(hosts('Home NAS nas-garage answers on IPv6 only')).toEqual(['nas-garage']);
    expect(hosts('the desktop WS-ACC-12 needs a reboot')).toEqual(['WS-ACC-12']);
  });

  it('takes a hyphenated name right before its address in brackets', () => {
    expect(hosts('Pi-hole shows kids-ipad (192.168.2.226, 7c:d8:aa:23:84:3a) hitting ads')).toEqual([
      'kids-ipad',
    ]);
    expect(hosts('living-room-tv (10.0.0.31) drops off the Wi-Fi')).toEqual(['living-room-tv']);
  });

  it('leaves ordinary words after a machine word alone', () => {
    expect(hosts('the server is down and the host is well-known')).toEqual([]);
    expect(hosts('the printer (192.168.1.5) is fine; check re-run (10.0.0.1) later')).toEqual([]);
    expect(hosts('our laptop policy is simple')).toEqual([]);
    expect(hosts('el servidor está caído; o servidor web ainda não')).toEqual([]);
  });

  it('takes a machine after a server word of other languages, and a name with a machine prefix (round 18)', () => {
    expect(hosts('Luana, o servidor srv-arquivos-sp caiu de novo.')).toEqual(['srv-arquivos-sp']);
    expect(hosts('le serveur fs-compta ne répond plus')).toEqual(['fs-compta']);
  });
});

describe('machines named in URLs and share paths (round 8)', () => {
  it('takes a one-label URL host with a digit or joined words, and a share path’s machine', () => {
    expect(hosts('grafana at http://monitor-02:3000/d/abc')).toEqual(['monitor-02']);
    expect(hosts('SMB share \\\\FS01\\finance and \\\\fileserver\\hr')).toEqual(['FS01', 'fileserver']);
  });

  it('leaves localhost, plain words, public hosts and escaped paths alone', () => {
    expect(hosts('http://localhost:8080/ and http://grafana:3000/ and https://example.com/x')).toEqual([]);
    expect(hosts('JSON "C:\\\\Users\\\\bob" and line1\\\\nline2')).toEqual([]);
  });
});

describe('addresses that are no one’s (round 8)', () => {
  it('leaves the every-interface address alone', () => {
    expect(ips('The server is listening on 0.0.0.0:3000 and on 10.1.2.3:8080')).toEqual(['10.1.2.3']);
  });
});

describe('machine names (round 10)', () => {
  it('takes a Fritz!Box home name, a shouted name after hostname, a numbered name after on or from', () => {
    expect(hosts('DHCP lease: 192.168.1.142 hostname ANNAS-MACBOOK.fritz.box')).toEqual([
      'ANNAS-MACBOOK.fritz.box',
    ]);
    expect(hosts('Laptop asset tag KT-00482; hostname KT-LT-FOGUNLEYE.')).toEqual(['KT-LT-FOGUNLEYE']);
    expect(hosts('Found in a script on etl-worker-03: password=…, copied from db-prod-01')).toEqual([
      'etl-worker-03',
      'db-prod-01',
    ]);
  });

  it('leaves shouted words, long-term words and single numbered words alone', () => {
    expect(hosts('the SERVER-SIDE fix is live; the host ANNUAL-REVIEW is Monday')).toEqual([]);
    expect(hosts('She is on long-term leave, off work on covid-19 grounds, back on follow-up-2')).toEqual([]);
  });
});

describe('addresses after words that end like a version word (round 12)', () => {
  it('takes an address after `server`, still not a version number after `ver`', () => {
    expect(ips('upstream backend { server 10.40.2.11:8080; server 10.40.2.12:8080 backup; }')).toEqual([
      '10.40.2.11',
      '10.40.2.12',
    ]);
    expect(ips('Firmware ver. 4.2.10.1 and fw 1.2.3.4')).toEqual([]);
  });
});

describe('devices and assets named in tickets and leases', () => {
  it('reads a device named after its owner after `hostname`, a site asset code and an internal zone with a hyphen', () => {
    expect(hosts('DHCP lease: hostname Jamals-MacBook-Pro')).toEqual(['Jamals-MacBook-Pro']);
    expect(hosts('komputer WAW-LT-0482 nie odpowiada')).toEqual(['WAW-LT-0482']);
    expect(hosts('remote wipe sent to BLR-LT-2291, last IP')).toEqual(['BLR-LT-2291']);
    expect(hosts('bad DNS record for auth.int.payroll-core; reverted')).toEqual(['auth.int.payroll-core']);
  });

  it('leaves a hyphenated word after `hostname is`', () => {
    expect(hosts('the hostname is well-known')).toEqual([]);
  });
});

describe('the host of a syslog line', () => {
  it('reads the name between the time stamp and the program', () => {
    expect(hosts('Apr 03 02:11:45 fw-edge-01 kernel: DROP IN=eth1 SRC=1.2.3.4')).toEqual(['fw-edge-01']);
    expect(hosts('Oct 02 07:41:19 kiosk-lobby-3 wpa_supplicant: wlan0: associated')).toEqual([
      'kiosk-lobby-3',
    ]);
  });
});

describe('a Windows share with its domain', () => {
  it('reads the machine and its domain from a share path', () => {
    expect(hosts('Leserechte auf \\\\fs01.ad.kanzlei-berger.de\\Mandanten\\2024 geben')).toEqual([
      'fs01.ad.kanzlei-berger.de',
    ]);
  });
});

describe("a network device's prompt", () => {
  it('reads the name before `#` or `>` and a command at a line start, not a word with a number', () => {
    expect(hosts('sw-core-1# show mac address-table | i 0050.56a3.7f21')).toEqual(['sw-core-1']);
    expect(hosts('log:\nedge-rtr-02(config)#interface gi0/1')).toEqual(['edge-rtr-02']);
    expect(hosts('pre-2024> sorry\nre-run#2 done')).toEqual([]);
  });
});
