import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import {
  ZBudget,
  ZBudgetList,
  ZBudgetReleaseRequest,
  ZBudgetReservation,
  ZBudgetReserveRequest,
  ZGatewayBudgetQuery,
  ZGatewayBudgetStatus,
  ZId,
  ZSetBudget,
} from "@kt/contract";

export class BudgetDto extends createZodDto(ZBudget) {}
export class BudgetListDto extends createZodDto(ZBudgetList) {}
export class SetBudgetDto extends createZodDto(ZSetBudget) {}
export class TeamIdParam extends createZodDto(z.object({ teamId: ZId })) {}
export class GatewayBudgetQueryDto extends createZodDto(ZGatewayBudgetQuery.extend({ teamId: ZId })) {}
export class GatewayBudgetStatusDto extends createZodDto(ZGatewayBudgetStatus) {}
export class BudgetReserveDto extends createZodDto(ZBudgetReserveRequest) {}
export class BudgetReservationDto extends createZodDto(ZBudgetReservation) {}
export class BudgetReleaseDto extends createZodDto(ZBudgetReleaseRequest) {}
