/** The few functions of jStat Samsyn uses (the package ships no types). */
declare module 'jstat' {
  export const jStat: {
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    studentt: { cdf(x: number, dof: number): number };
    chisquare: { cdf(x: number, dof: number): number };
  };
}
