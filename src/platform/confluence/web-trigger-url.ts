import { webTrigger } from '@forge/api';

export const VIEW_API_TRIGGER_KEY = 'view-api';

/** The view API's URL, as Forge knows it for this installation; null where the platform cannot say. */
export async function fetchViewApiUrl(): Promise<string | null> {
  try {
    return await webTrigger.getUrl(VIEW_API_TRIGGER_KEY);
  } catch (error) {
    console.warn('Could not read the view API URL', error);
    return null;
  }
}
