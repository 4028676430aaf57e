/** opencc-js ships its conversion tables as untyped modules; each default-exports its table as text. */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
