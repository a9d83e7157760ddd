// Words of the resumption filing, review, daily reports and statuses (W1 fills).
export const resumptionFilingEnUS = {
  menu: {
    resumptionMy: "Resumption",
    resumptionPlans: "Resumption plans",
    resumptionStatus: "Enterprise status",
    resumptionReports: "Daily reports",
    resumptionSettings: "Resumption settings",
  },
};
