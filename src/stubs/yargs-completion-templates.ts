// Stands in for yargs' shell-completion scripts in the bundle: kim-resume never offers
// `completion`, so the bash and zsh templates (2 KB) stay out.
export const completionShTemplate = '';
export const completionZshTemplate = '';
