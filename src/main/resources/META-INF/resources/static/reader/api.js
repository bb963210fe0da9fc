// The JSON API as the page calls it: same-origin session cookie, problem bodies turned into errors.

export async function api(method, url, body) {
  const response = await fetch(url, {
    method, credentials: 'same-origin',
    headers: body === undefined ? { 'Accept': 'application/json' }
                                : { 'Accept': 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((data && (data.detail || data.title)) || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return data;
}
