// Messages of the checkpoints module's intake, registrations and abnormal cases (H2; merged into
// the catalogues in messages.ts).
export const checkpoints2Zh: Record<string, string> = {
  'state.stale_registration': '该登记刚被他人修改，请刷新后重试',
};
export const checkpoints2En: Record<string, string> = {
  'state.stale_registration': 'Someone else just changed this registration; reload and try again',
};
export const checkpoints2Entities: Record<string, [string, string]> = {};
export const checkpoints2Fields: Record<string, [string, string]> = {
  field: ['查看项', 'Field'],
};
