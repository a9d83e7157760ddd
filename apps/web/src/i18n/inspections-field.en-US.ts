// Words of the inspector's phone pages: tasks, the inspection record, follow-up visits (W3 fills).
export const inspectionsFieldEnUS = {
  menu: {
    inspectionTasks: 'My inspection tasks',
  },
};
