// The start screen tells what the session has to say: here, that the list of recent projects
// could not be read (it was set aside, and the list starts empty).
import { describe, expect, it } from 'vitest';
import { setUpSession } from '../support/session';

const bench = setUpSession({ recentFile: '{ not json' });

describe('the start screen with notices', () => {
  it('shows the session notice above an empty recent list, with the sample still offered', async () => {
    const { page, problems } = await bench.newPage();
    const notices = page.locator('.start-notices li');
    expect(await notices.count()).toBe(1);
    expect(await notices.first().textContent()).toContain('The list of recent projects could not be read');
    expect(await page.textContent('.recent-projects')).toContain('No project has been opened yet');
    expect(await page.locator('.sample-offer').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
