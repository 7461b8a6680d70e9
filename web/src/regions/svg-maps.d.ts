// Types for the boundary drawing package, which ships none.
declare module '@svg-maps/indonesia' {
  const map: { label: string; viewBox: string; locations: { id: string; name: string; path: string }[] };
  export default map;
}
