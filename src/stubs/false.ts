// is-in-ci, answered once: kim-resume chooses interactive mode itself (src/cli/mode.ts).
export default false;
