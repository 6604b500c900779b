/** Where to go after signing in: `?to=` (set when a signed-out user opened a page), never another site. */
export function destinationAfterLogin(search: string): string {
  const to = new URLSearchParams(search).get("to");
  return to && to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") && !to.startsWith("/login") ? to : "/";
}
