/** Vite's `?raw` imports: a file's text, bundled (the snippets are shipped this way). */
declare module '*?raw' {
  const text: string;
  export default text;
}
