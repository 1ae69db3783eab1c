import { detectChannel, type BrowserFacts } from '../../static/shared/channel/detect-channel';

const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const MAC_SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const CONFLUENCE_APP = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AtlassianMobileApp/Confluence ConfluenceCloud/7.4.0';

function facts(overrides: Partial<BrowserFacts>): BrowserFacts {
  return { userAgent: DESKTOP_CHROME, maxTouchPoints: 0, referrer: 'https://example.atlassian.net/wiki/spaces/ENG/pages/1', ...overrides };
}

describe('detectChannel', () => {
  it('is desktop for desktop browsers, whatever the frame width', () => {
    expect(detectChannel(facts({}))).toBe('desktop');
    expect(detectChannel(facts({ userAgent: MAC_SAFARI }))).toBe('desktop');
    expect(detectChannel(facts({ mobileHint: false }))).toBe('desktop');
  });

  it('is mobile web for phones, by user agent or client hint', () => {
    expect(detectChannel(facts({ userAgent: IPHONE, maxTouchPoints: 5 }))).toBe('mobile-web');
    expect(detectChannel(facts({ userAgent: ANDROID }))).toBe('mobile-web');
    expect(detectChannel(facts({ mobileHint: true }))).toBe('mobile-web');
  });

  it('counts an iPad in desktop mode (a touch "Macintosh") as mobile web', () => {
    expect(detectChannel(facts({ userAgent: MAC_SAFARI, maxTouchPoints: 5 }))).toBe('mobile-web');
  });

  it('recognises the Confluence app before the phone it runs on', () => {
    expect(detectChannel(facts({ userAgent: CONFLUENCE_APP, mobileHint: true, maxTouchPoints: 5 }))).toBe('confluence-app');
  });

  it('recognises a Jira Service Management portal article by its address', () => {
    expect(detectChannel(facts({ referrer: 'https://example.atlassian.net/servicedesk/customer/portal/2/article/123' }))).toBe('jsm-portal');
  });
});
