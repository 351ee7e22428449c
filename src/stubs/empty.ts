// Stands in for optional packages the bundle must not pull in (react-devtools-core).
export default {};
