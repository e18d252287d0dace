// Lets test files import README.md as text through Vite's `?raw` suffix (no file-system access in the package).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
