// Messages of the checkpoints module's tracing, retention and statistics (H3; merged into the
// catalogues in messages.ts).
export const checkpoints3Zh: Record<string, string> = {
  'v.trace_window_too_long': '轨迹查询的期间最长 {days} 天',
};
export const checkpoints3En: Record<string, string> = {
  'v.trace_window_too_long': 'A trace covers at most {days} days',
};
export const checkpoints3Entities: Record<string, [string, string]> = {
  checkpoint_trace: ['轨迹查询', 'Movement trace'],
};
export const checkpoints3Fields: Record<string, [string, string]> = {};
