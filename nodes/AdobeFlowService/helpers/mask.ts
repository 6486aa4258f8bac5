/** What a secret is shown as, wherever one would otherwise be shown: dry runs and error messages. */
export const MASK = '**********';
