-- Milestones by due date: the plan and section pages count a plan's open milestones due within the
-- next weeks (the commitment summary), a query PostgreSQL answers from the milestones' side. Without
-- this index it read every milestone in the country (61,200 at national scale, bench/national: 13 ms
-- a page, growing with every partnership's plan); with it, only those due in the window.

-- CreateIndex
CREATE INDEX "Milestone_dueDate_idx" ON "Milestone"("dueDate");
