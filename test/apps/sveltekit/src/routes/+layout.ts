// adapter-static: every page is rendered on the server at build time (prerendered).
export const prerender = true;
