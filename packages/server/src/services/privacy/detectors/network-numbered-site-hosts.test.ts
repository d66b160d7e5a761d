import { describe, expect, it } from 'vitest';
import { detectInternalHosts } from './network.js';

const found = (text: string) => detectInternalHosts(text).map((span) => text.slice(span.start, span.end));

describe('round 12 machine names', () => {
  it('takes a host name whose first label is a numbered machine', () => {
    expect(found('kāore e taea te takiuru ki kura-srv01.school.nz.')).toEqual(['kura-srv01.school.nz']);
    expect(found('runner on gitlab-runner01.lab.koperasi.id today')).toEqual([
      'gitlab-runner01.lab.koperasi.id',
    ]);
  });

  it('leaves file names, versions, addresses and two-label domains alone', () => {
    expect(found('restore backup-2024.tar.gz and export-01.sql.bak')).toEqual([]);
    expect(found('mail ops@srv01.example.com or see https://x.io/srv01.example.com')).toEqual([]);
    expect(found('Ubuntu 22.04.3 and release v2.10.1 on shop01.com')).toEqual([]);
  });

  it('takes a device word, name parts and a padded number', () => {
    expect(found('không in được từ printer-hcm-02, IP')).toEqual(['printer-hcm-02']);
    expect(found('the printer-friendly page, covid-19, pc-gaming-2024-review.html')).toEqual([]);
  });

  it('takes a machine name right after `Workstation:`', () => {
    expect(found('Account Name: BPARKER Workstation: FIN-WS-0042 Source')).toEqual(['FIN-WS-0042']);
    expect(found('Workstation: ergonomic, Host: localhost')).toEqual([]);
  });

  it('takes a service, a site code and the organisation domain', () => {
    expect(found('ne može pristupiti mail.zg.tvrtka.hr, telefon')).toEqual(['mail.zg.tvrtka.hr']);
    expect(found('tak boleh log masuk ke hrms.kl.syarikat.my.')).toEqual(['hrms.kl.syarikat.my']);
    expect(found('kama gali karo erp.mgq.shirkad.so.')).toEqual(['erp.mgq.shirkad.so']);
    expect(found('see www.bbc.co.uk and mail.google.com')).toEqual([]);
    expect(found('news.zg.tvrtka.hr and user@mail.zg.tvrtka.hr')).toEqual([]);
  });
});
