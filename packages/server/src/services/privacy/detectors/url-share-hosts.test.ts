import { describe, expect, it } from 'vitest';
import { loadNameLexicon } from './name-lexicon.js';
import { detectSensitiveUrls } from './url.js';

const names = await loadNameLexicon();
const found = (text: string) =>
  detectSensitiveUrls(text, undefined, names).map((span) => text.slice(span.start, span.end));

describe('share links on hosts that serve only shared files and albums', () => {
  it('takes a link with a random ID on Google Photos, Dropbox, OneDrive, WeTransfer, iCloud, Drive', () => {
    for (const url of [
      'https://photos.app.goo.gl/Xq7Lp2VmN8tR4cZk9',
      'https://www.dropbox.com/s/a1b2c3d4e5f6g7h/holiday.zip?dl=0',
      'https://1drv.ms/u/s!AkP2xT9rV4nK8mZ3',
      'https://we.tl/t-Zx81LmQp2A',
      'https://www.icloud.com/photos/#0Bq7Lp2xT9rV4nK8',
      'https://drive.google.com/open?id=1Qw7Lp2xT9rV4nK8mZ',
    ]) {
      expect(found(`album: ${url}`)).toEqual([url]);
    }
  });

  it("reads a meeting's join link, not the service's own pages", () => {
    expect(found('Join: https://meet.google.com/xkq-pwda-ury')).toEqual([
      'https://meet.google.com/xkq-pwda-ury',
    ]);
    expect(found('Zoom https://us02web.zoom.us/j/84512349876 at 3')).toEqual([
      'https://us02web.zoom.us/j/84512349876',
    ]);
    expect(found('see https://meet.google.com/ or https://zoom.us/pricing')).toEqual([]);
  });

  it('leaves the hosts’ own pages, without an ID', () => {
    expect(found('see https://drive.google.com/ and https://www.dropbox.com/plans')).toEqual([]);
    expect(found('open https://www.icloud.com/photos/ or https://www.icloud.com/iclouddrive/')).toEqual([]);
  });
});
