// Words of the commissioner's workbench, visits, demands, supplies, projects and statistics (W2 fills).
export const resumptionOpsEnUS = {
  menu: {
    resumption: "Resumption of work",
    resumptionWorkbench: "Commissioner workbench",
    resumptionVisits: "Visits",
    resumptionDemands: "Demands ledger",
    resumptionSupplies: "Protective supplies",
    resumptionProjects: "Major projects",
    resumptionStats: "Resumption statistics",
  },
};
