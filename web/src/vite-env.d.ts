/// <reference types="vite/client" />

declare module 'virtual:readme-examples' {
  /** The README's example queries, each headed by its question as a comment. */
  const examples: string[];
  export default examples;
}
