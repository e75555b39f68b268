import { createZodDto } from "nestjs-zod";
import { ZCreateExport, ZExport, ZExportList, ZListExportsQuery } from "@kt/contract";

export class CreateExportDto extends createZodDto(ZCreateExport) {}
export class ListExportsQueryDto extends createZodDto(ZListExportsQuery) {}
export class ExportDto extends createZodDto(ZExport) {}
export class ExportListDto extends createZodDto(ZExportList) {}
