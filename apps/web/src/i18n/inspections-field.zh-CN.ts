// Words of the inspector's phone pages: tasks, the inspection record, follow-up visits (W3 fills).
export const inspectionsFieldZhCN = {
  menu: {
    inspectionTasks: '我的巡查任务',
  },
};
