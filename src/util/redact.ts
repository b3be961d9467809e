// Removes credentials from text that came from sccache or the environment before it is rendered:
// a Redis or WebDAV URL carries its password in the userinfo, a signed blob URL its signature in the
// query. sccache prints both as given.

const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@"']*@/gi;
const SIGNED_QUERY =
  /([?&](?:sig|se|sv|sp|st|sr|skoid|sktid|token|access_token|X-Amz-Signature|X-Amz-Credential)=)[^&\s"']*/gi;

export function redact(text: string): string {
  return text.replace(USERINFO, '$1***@').replace(SIGNED_QUERY, '$1***');
}
