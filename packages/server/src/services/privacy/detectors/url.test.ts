import { describe, expect, it } from 'vitest';
import { detectAll } from './index.js';
import { loadNameLexicon } from './name-lexicon.js';
import { connectionStringParts, detectSensitiveUrls, findUrls } from './url.js';

const names = await loadNameLexicon();
const found = (text: string) =>
  detectSensitiveUrls(text, undefined, names).map((span) => text.slice(span.start, span.end));

describe('URLs that name a person (round 5)', () => {
  it('takes personal sites: a given name and a surname as the host, or a personal-pages host', () => {
    expect(found('Portfolio: https://www.annakowalska.com and https://www.sarah-oconnor.ie/cv')).toEqual([
      'https://www.annakowalska.com',
      'https://www.sarah-oconnor.ie/cv',
    ]);
    expect(found('Blog: https://kwame-mensah.github.io')).toEqual(['https://kwame-mensah.github.io']);
  });

  it('takes files named after someone or holding an identity document, and OneDrive personal paths', () => {
    expect(found('https://cdn.acme.com/attachments/fatima_al_sayed_licence.jpg')).toHaveLength(1);
    expect(found('https://files.example.com/u/Priya_Sharma_CV.pdf')).toHaveLength(1);
    // An unlisted given name before a listed family name (round 12).
    expect(found('https://files.example.com/uploads/Olusegun_Bakare_invoice_0423.pdf')).toHaveLength(1);
    expect(
      found('https://contoso-my.sharepoint.com/personal/john_smith_contoso_com/Documents/a.pdf'),
    ).toHaveLength(1);
  });

  it('leaves sites and files that name no one', () => {
    expect(
      found(
        'https://docs.python.org/3/, https://www.bbc.co.uk/news, https://files.example.com/manuals/router-ax3000.pdf, ' +
          'https://www.acme-support.com/blog, https://example.com/reports/annual-report-2024.pdf, https://github.com/features, ' +
          'https://www.maria-hotel.com, https://www.victoria-bayview.com, https://www.jordan-logistics.com',
      ),
    ).toEqual([]);
  });

  it('splits a database connection string into its password and host (round 7)', () => {
    const text = 'redis://:r3d1s-Pr0d-2291@cache-01.prod.internal:6379/0';
    const url = findUrls(text)[0];
    expect(url && connectionStringParts(text, url)?.map((span) => text.slice(span.start, span.end))).toEqual([
      'r3d1s-Pr0d-2291',
      'cache-01.prod.internal',
    ]);
    const web = 'https://admin:s3cr3t@router.example.net/setup';
    const webUrl = findUrls(web)[0];
    expect(webUrl && connectionStringParts(web, webUrl)).toBeUndefined();
  });

  it('types a connection string host written as an address as IP (round 8)', () => {
    const text = 'REDIS_URL=redis://default:hhN2d7Tx7q3@10.49.169.86:6379/0';
    const url = findUrls(text)[0];
    expect(url && connectionStringParts(text, url)?.map((span) => span.type)).toEqual(['SECRET', 'IP']);
  });

  it('takes personal sites on personal top-level domains, names across two labels, seller pages (round 8)', () => {
    expect(
      found('Portfolio: https://sofiabelmonte.design and https://tomasz.wiśniewski.blog/o-mnie'),
    ).toEqual(['https://sofiabelmonte.design', 'https://tomasz.wiśniewski.blog/o-mnie']);
    expect(
      found('Shop: https://www.etsy.com/shop/LupeTuilagiCeramics, tips https://ko-fi.com/mayaprints'),
    ).toHaveLength(2);
    expect(
      found('https://www.etsy.com/c/jewelry, https://annashop.design, https://www.example.com/shop/shoes'),
    ).toEqual([]);
  });
});

describe('share links and addresses in URLs (round 10)', () => {
  it('takes a share link whose long random ID is its only key', () => {
    expect(found('recording: https://www.loom.com/share/7f2c9a1e84b34d60a1c5e9b7d2f03a18')).toHaveLength(1);
    expect(found('https://drive.google.com/drive/folders/1Qw7Lp2xT9rV4nK8mZ3bY6cJ1dF5gH0sA')).toHaveLength(1);
  });

  it('leaves share pages named by words, and short IDs', () => {
    expect(found('https://example.com/share/quarterly-report-2024 and https://www.loom.com/share')).toEqual(
      [],
    );
    expect(found('https://grafana.example.com/d/abc123/overview')).toEqual([]);
  });

  it('takes an IP alone in a share URL, as an internal host name alone', () => {
    const text = "smb://192.168.0.50/zdjecia doesn't mount";
    expect(detectAll(text, names).map((span) => `${span.type}:${text.slice(span.start, span.end)}`)).toEqual([
      'IP:192.168.0.50',
    ]);
  });
});

describe('queries after a single-page app route', () => {
  it('reads a personal parameter in the query after the hash', () => {
    const text =
      'list is on https://kobo.humanitarianresponse.info/#/forms/aR7x2KpQm9/data?user=abebe.girma today';
    expect(detectSensitiveUrls(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'https://kobo.humanitarianresponse.info/#/forms/aR7x2KpQm9/data?user=abebe.girma',
    ]);
  });

  it('leaves an ordinary route query after the hash alone', () => {
    const text = 'see https://app.example.com/#/reports?page=2&sort=date';
    expect(detectSensitiveUrls(text)).toEqual([]);
  });
});

describe('profile pages written without a scheme', () => {
  it('are URLs when their path names someone', () => {
    expect(found('ngozi@outlook.com | linkedin.com/in/ngozi-eze-williams | Experienced')).toEqual([
      'linkedin.com/in/ngozi-eze-williams',
    ]);
    expect(found('follow me on tiktok.com/@ikaika.dances!')).toEqual(['tiktok.com/@ikaika.dances']);
    expect(found('see github.com/features and www.linkedin.com/help')).toEqual([]);
  });
});

describe('paths that name a person (round 19)', () => {
  it('takes a URL whose path holds a given name and a surname joined by a separator', () => {
    expect(
      found('at https://vault.internal.acmepay.io/ui/vault/secrets/kv/show/hana-kobayashi/dev today'),
    ).toEqual(['https://vault.internal.acmepay.io/ui/vault/secrets/kv/show/hana-kobayashi/dev']);
    expect(found('upload at https://portal.homeloanhub.co.za/applicant/lindiwe-nkosi-20931 please')).toEqual([
      'https://portal.homeloanhub.co.za/applicant/lindiwe-nkosi-20931',
    ]);
    expect(found('see https://docs.example.com/guides/getting-started/install')).toEqual([]);
  });
});

describe('malformed escapes in a path', () => {
  it('reads a path with a malformed percent escape as written instead of throwing', () => {
    expect(found('see https://files.example.com/docs/a%zz_report.pdf now')).toEqual([]);
    expect(found('see https://files.example.com/docs/Priya_Sharma_CV%zz.pdf now')).toEqual([
      'https://files.example.com/docs/Priya_Sharma_CV%zz.pdf',
    ]);
  });
});
