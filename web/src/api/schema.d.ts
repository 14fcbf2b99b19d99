// Generated from docs/openapi.json by `npm run contracts` (openapi-typescript); do not edit.
// A test fails when this file is stale against the document (server/src/platform/http/openapi.test.ts).

export interface paths {
    "/api/admin/catalog/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建事项分类 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** Format: uuid */
                        parentId: string | null;
                        sortOrder: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改事项分类（名称、编码、上级、排序） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** Format: uuid */
                        parentId: string | null;
                        sortOrder: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除空的事项分类 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出事项目录（JSON 或 Excel） */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入事项目录（multipart 字段 file：JSON 或 .xlsx）；先全部校验，再在一个事务内写入草稿 */
        post: {
            parameters: {
                query?: {
                    dryRun?: "0" | "1";
                    publish?: "0" | "1";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoriesCreated: number;
                            categoriesUpdated: number;
                            draftsSaved: number;
                            itemsCreated: number;
                            published: number;
                            unchanged: number;
                            warnings: {
                                code: string;
                                column: string;
                                message: string;
                                row: number;
                                sheet: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事项目录管理：全部事项（含未发布、草稿状态） */
        get: {
            parameters: {
                query?: {
                    categoryId?: string;
                    q?: string;
                    status?: "published" | "draft" | "unpublished";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowsDeficientAcceptance: boolean;
                            /** Format: uuid */
                            categoryId: string | null;
                            categoryName: string | null;
                            code: string;
                            /** Format: uuid */
                            departmentId: string;
                            departmentName: string;
                            /** Format: date-time */
                            draftUpdatedAt: string | null;
                            draftVersion: number | null;
                            /** Format: uuid */
                            draftVersionId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            itemType: "immediate" | "promised" | "joint" | "reported";
                            name: string;
                            publishedVersion: number | null;
                            /** Format: uuid */
                            publishedVersionId: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 新建事项（生成第 1 版草稿） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            allowsDeficientAcceptance: boolean;
                            /** Format: uuid */
                            categoryId: string | null;
                            code: string;
                            codeParts: {
                                handlingSeq: string | null;
                                implementerCode: string | null;
                                mainCode: string | null;
                                subCode: string | null;
                                typeCode: string | null;
                            };
                            complaintPhone: string;
                            conditions: string;
                            contactPhone: string;
                            /** Format: uuid */
                            departmentId: string;
                            description: string;
                            fee: {
                                free: boolean;
                                items: {
                                    amount: number;
                                    basis: string;
                                    name: string;
                                }[];
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            formSpec: unknown;
                            hours: string;
                            /** @enum {string} */
                            itemType: "immediate" | "promised" | "joint" | "reported";
                            legalBasis: string;
                            legalDays: number;
                            /** @enum {string} */
                            limitUnit: "workday" | "day" | "hour";
                            location: string;
                            materials: {
                                condition: string;
                                copies: number;
                                deferrable: boolean;
                                elicenceType: string | null;
                                /** Format: uuid */
                                id?: string;
                                /** @enum {string} */
                                medium: "paper" | "electronic" | "both";
                                name: string;
                                /** @enum {string} */
                                originalOrCopy: "original" | "copy" | "both";
                                /** @enum {string} */
                                requirement: "required" | "conditional";
                                /** Format: uuid */
                                sampleUploadId: string | null;
                            }[];
                            name: string;
                            processKey: string | null;
                            promisedDays: number;
                            /** @default true */
                            separateDuties?: boolean;
                        };
                        /** Format: date-time */
                        expectedUpdatedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** Format: uuid */
                            versionId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/items/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 比较同一事项的两个版本 */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            after: unknown;
                            before: unknown;
                            path: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/items/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存事项草稿（全部要素） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            allowsDeficientAcceptance: boolean;
                            /** Format: uuid */
                            categoryId: string | null;
                            code: string;
                            codeParts: {
                                handlingSeq: string | null;
                                implementerCode: string | null;
                                mainCode: string | null;
                                subCode: string | null;
                                typeCode: string | null;
                            };
                            complaintPhone: string;
                            conditions: string;
                            contactPhone: string;
                            /** Format: uuid */
                            departmentId: string;
                            description: string;
                            fee: {
                                free: boolean;
                                items: {
                                    amount: number;
                                    basis: string;
                                    name: string;
                                }[];
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            formSpec: unknown;
                            hours: string;
                            /** @enum {string} */
                            itemType: "immediate" | "promised" | "joint" | "reported";
                            legalBasis: string;
                            legalDays: number;
                            /** @enum {string} */
                            limitUnit: "workday" | "day" | "hour";
                            location: string;
                            materials: {
                                condition: string;
                                copies: number;
                                deferrable: boolean;
                                elicenceType: string | null;
                                /** Format: uuid */
                                id?: string;
                                /** @enum {string} */
                                medium: "paper" | "electronic" | "both";
                                name: string;
                                /** @enum {string} */
                                originalOrCopy: "original" | "copy" | "both";
                                /** @enum {string} */
                                requirement: "required" | "conditional";
                                /** Format: uuid */
                                sampleUploadId: string | null;
                            }[];
                            name: string;
                            processKey: string | null;
                            promisedDays: number;
                            /** @default true */
                            separateDuties?: boolean;
                        };
                        /** Format: date-time */
                        expectedUpdatedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            /** Format: uuid */
                            versionId: string;
                        };
                    };
                };
            };
        };
        /** 从当前发布版本开始编辑（已有草稿则返回该草稿） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** Format: uuid */
                            versionId: string;
                        };
                    };
                };
            };
        };
        /** 丢弃草稿 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/items/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布草稿（原发布版本转为历史版本） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** Format: uuid */
                            versionId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/items/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事项的版本历史 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published" | "superseded";
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalog/versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事项版本内容 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content: {
                                allowsDeficientAcceptance: boolean;
                                /** Format: uuid */
                                categoryId: string | null;
                                code: string;
                                codeParts: {
                                    handlingSeq: string | null;
                                    implementerCode: string | null;
                                    mainCode: string | null;
                                    subCode: string | null;
                                    typeCode: string | null;
                                };
                                complaintPhone: string;
                                conditions: string;
                                contactPhone: string;
                                /** Format: uuid */
                                departmentId: string;
                                description: string;
                                fee: {
                                    free: boolean;
                                    items: {
                                        amount: number;
                                        basis: string;
                                        name: string;
                                    }[];
                                };
                                formFields: {
                                    key: string;
                                    label: string;
                                    required: boolean;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "date" | "phone";
                                }[];
                                formSpec: unknown;
                                hours: string;
                                /** @enum {string} */
                                itemType: "immediate" | "promised" | "joint" | "reported";
                                legalBasis: string;
                                legalDays: number;
                                /** @enum {string} */
                                limitUnit: "workday" | "day" | "hour";
                                location: string;
                                materials: {
                                    condition: string;
                                    copies: number;
                                    deferrable: boolean;
                                    elicenceType: string | null;
                                    /** Format: uuid */
                                    id?: string;
                                    /** @enum {string} */
                                    medium: "paper" | "electronic" | "both";
                                    name: string;
                                    /** @enum {string} */
                                    originalOrCopy: "original" | "copy" | "both";
                                    /** @enum {string} */
                                    requirement: "required" | "conditional";
                                    /** Format: uuid */
                                    sampleUploadId: string | null;
                                }[];
                                name: string;
                                processKey: string | null;
                                promisedDays: number;
                                /** @default true */
                                separateDuties: boolean;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            /** Format: date-time */
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published" | "superseded";
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 按版本保存（仅草稿可改；已发布版本返回 ITEM_VERSION_IMMUTABLE） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            allowsDeficientAcceptance: boolean;
                            /** Format: uuid */
                            categoryId: string | null;
                            code: string;
                            codeParts: {
                                handlingSeq: string | null;
                                implementerCode: string | null;
                                mainCode: string | null;
                                subCode: string | null;
                                typeCode: string | null;
                            };
                            complaintPhone: string;
                            conditions: string;
                            contactPhone: string;
                            /** Format: uuid */
                            departmentId: string;
                            description: string;
                            fee: {
                                free: boolean;
                                items: {
                                    amount: number;
                                    basis: string;
                                    name: string;
                                }[];
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            formSpec: unknown;
                            hours: string;
                            /** @enum {string} */
                            itemType: "immediate" | "promised" | "joint" | "reported";
                            legalBasis: string;
                            legalDays: number;
                            /** @enum {string} */
                            limitUnit: "workday" | "day" | "hour";
                            location: string;
                            materials: {
                                condition: string;
                                copies: number;
                                deferrable: boolean;
                                elicenceType: string | null;
                                /** Format: uuid */
                                id?: string;
                                /** @enum {string} */
                                medium: "paper" | "electronic" | "both";
                                name: string;
                                /** @enum {string} */
                                originalOrCopy: "original" | "copy" | "both";
                                /** @enum {string} */
                                requirement: "required" | "conditional";
                                /** Format: uuid */
                                sampleUploadId: string | null;
                            }[];
                            name: string;
                            processKey: string | null;
                            promisedDays: number;
                            /** @default true */
                            separateDuties?: boolean;
                        };
                        /** Format: date-time */
                        expectedUpdatedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            /** Format: uuid */
                            versionId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事件消费者的进度与积压（每个消费者的游标、落后事件数、最近一次失败） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                failures: number;
                                handled: number;
                                headSeq: number;
                                lag: number;
                                lastError: string | null;
                                lastSeq: number;
                                name: string;
                                retryAt: string | null;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各事项的申请表（表单设计器列表） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            departmentName: string;
                            fieldCount: number;
                            /** Format: uuid */
                            itemId: string;
                            name: string;
                            revision: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/forms/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某事项的申请表定义 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            departmentName: string;
                            fieldCount: number;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            };
                            /** Format: uuid */
                            itemId: string;
                            name: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        /** 保存申请表定义（校验后保存，留痕 item.form_changed） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                        form: {
                            layout: {
                                [key: string]: unknown;
                            }[];
                            schema: {
                                [key: string]: unknown;
                            };
                        };
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/forms/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 检查申请表定义（不保存） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        form: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            problems: {
                                code: string;
                                field: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/depth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发件箱积压（按渠道） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channel: string;
                                dead: number;
                                due: number;
                                oldestDueSeconds: number;
                                pending: number;
                                sent: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发送 / 待发送 / 投递失败（死信）的短信与邮件（号码掩码） */
        get: {
            parameters: {
                query?: {
                    channel?: "sms" | "email";
                    page?: number;
                    pageSize?: number;
                    status?: "pending" | "sent" | "dead";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string;
                                attempts: number;
                                body: string;
                                caseNo: string | null;
                                /** @enum {string} */
                                channel: "sms" | "email";
                                contentHash: string;
                                createdAt: string;
                                delivered: boolean;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                lastError: string | null;
                                nextAttemptAt: string;
                                parts: number;
                                receipt: string | null;
                                sentAt: string | null;
                                status: string;
                                subject: string;
                                transport: string | null;
                                updatedAt: string;
                                urgent: boolean;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/outbox/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一条消息的发送审计（内容哈希、次数、网关编号） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string;
                                attempt: number;
                                channel: string;
                                contentHash: string;
                                gatewayIds: string[];
                                sentAt: string;
                                transport: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/outbox/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重发投递失败的消息 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知模板（每种通知的中英文标题与正文、可用变量） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                aboutCase: boolean;
                                /** @enum {string} */
                                audience: "applicant" | "staff";
                                bodyEn: string;
                                bodyZh: string;
                                custom: boolean;
                                kind: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                titleEn: string;
                                titleZh: string;
                                updatedAt: string | null;
                                urgent: boolean;
                                variables: string[];
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改通知模板（变量在保存时检查；带版本号防止覆盖他人修改） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bodyEn: string;
                        bodyZh: string;
                        titleEn: string;
                        titleZh: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notify/templates/{kind}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 模板预览（以示例数据填充；变量错误同保存） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bodyEn: string;
                        bodyZh: string;
                        titleEn: string;
                        titleZh: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bodyEn: string;
                            bodyZh: string;
                            titleEn: string;
                            titleZh: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织机构：全部服务中心（市、县/区、乡镇/街道三级）、部门和窗口 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            centers: {
                                address: string | null;
                                code: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                level: "city" | "county" | "township";
                                name: string;
                                /** Format: uuid */
                                parentId: string | null;
                                phone: string | null;
                                sortOrder: number;
                            }[];
                            departments: {
                                /** Format: uuid */
                                centerId: string;
                                code: string;
                                enabled: boolean;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** Format: uuid */
                                parentId: string | null;
                                sortOrder: number;
                            }[];
                            windows: {
                                /** Format: uuid */
                                centerId: string;
                                code: string;
                                /** Format: uuid */
                                departmentId: string | null;
                                enabled: boolean;
                                hallPosition: string;
                                /** Format: uuid */
                                id: string;
                                itemIds: string[];
                                name: string;
                                phone: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/centers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建服务中心（下级须比上级低一级） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: string | null;
                        code: string;
                        /** @enum {string} */
                        level: "city" | "county" | "township";
                        name: string;
                        /** Format: uuid */
                        parentId: string | null;
                        phone: string | null;
                        sortOrder: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string | null;
                            code: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            level: "city" | "county" | "township";
                            name: string;
                            /** Format: uuid */
                            parentId: string | null;
                            phone: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/centers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改服务中心（含移到另一上级之下） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: string | null;
                        code: string;
                        /** @enum {string} */
                        level: "city" | "county" | "township";
                        name: string;
                        /** Format: uuid */
                        parentId: string | null;
                        phone: string | null;
                        sortOrder: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string | null;
                            code: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            level: "city" | "county" | "township";
                            name: string;
                            /** Format: uuid */
                            parentId: string | null;
                            phone: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建部门（可设上级部门） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        centerId: string;
                        code: string;
                        enabled: boolean;
                        name: string;
                        /** Format: uuid */
                        parentId: string | null;
                        sortOrder: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string;
                            code: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            parentId: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改或停用部门 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        centerId: string;
                        code: string;
                        enabled: boolean;
                        name: string;
                        /** Format: uuid */
                        parentId: string | null;
                        sortOrder: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string;
                            code: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            parentId: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出组织机构和人员（Excel：服务中心、部门、窗口、人员四个工作表；也是导入的模板） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入组织机构和人员（multipart 字段 file）；dryRun=1 只检查并报告将新建、修改和不变的条数，不写入 */
        post: {
            parameters: {
                query?: {
                    dryRun?: "0" | "1";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            centers: {
                                created: number;
                                unchanged: number;
                                updated: number;
                            };
                            departments: {
                                created: number;
                                unchanged: number;
                                updated: number;
                            };
                            dryRun: boolean;
                            staff: {
                                created: number;
                                unchanged: number;
                                updated: number;
                            };
                            windows: {
                                created: number;
                                unchanged: number;
                                updated: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建窗口（编号、名称、大厅位置、受理事项） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        centerId: string;
                        code: string;
                        /** Format: uuid */
                        departmentId: string | null;
                        enabled: boolean;
                        hallPosition: string;
                        itemIds: string[];
                        name: string;
                        phone: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string;
                            code: string;
                            /** Format: uuid */
                            departmentId: string | null;
                            enabled: boolean;
                            hallPosition: string;
                            /** Format: uuid */
                            id: string;
                            itemIds: string[];
                            name: string;
                            phone: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/windows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改或停用窗口 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        centerId: string;
                        code: string;
                        /** Format: uuid */
                        departmentId: string | null;
                        enabled: boolean;
                        hallPosition: string;
                        itemIds: string[];
                        name: string;
                        phone: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string;
                            code: string;
                            /** Format: uuid */
                            departmentId: string | null;
                            enabled: boolean;
                            hallPosition: string;
                            /** Format: uuid */
                            id: string;
                            itemIds: string[];
                            name: string;
                            phone: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/permissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 权限管理：把资源绑定给这些角色（角色代码；未列出的角色解除绑定） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            code: string;
                            /** @enum {string|null} */
                            duty: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin" | null;
                            enabled: boolean;
                            guarded: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "root" | "shell" | "menu" | "page" | "action" | "api";
                            method: string | null;
                            name: string;
                            nameEn: string;
                            /** Format: uuid */
                            parentId: string | null;
                            roles: string[];
                            route: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资源管理：资源树（外壳、菜单、页面、操作、接口），每个节点附其下级和绑定的角色 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResourceNode"];
                    };
                };
            };
        };
        put?: never;
        /** 在资源上添加子节点（菜单、页面或操作） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @enum {string} */
                        kind: "menu" | "page" | "action";
                        name: string;
                        /** @default  */
                        nameEn?: string;
                        /** Format: uuid */
                        parentId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            code: string;
                            /** @enum {string|null} */
                            duty: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin" | null;
                            enabled: boolean;
                            guarded: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "root" | "shell" | "menu" | "page" | "action" | "api";
                            method: string | null;
                            name: string;
                            nameEn: string;
                            /** Format: uuid */
                            parentId: string | null;
                            roles: string[];
                            route: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改资源的属性：名称、启用或停用、移到另一上级之下 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        name: string;
                        /** @default  */
                        nameEn?: string;
                        /** Format: uuid */
                        parentId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            code: string;
                            /** @enum {string|null} */
                            duty: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin" | null;
                            enabled: boolean;
                            guarded: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "root" | "shell" | "menu" | "page" | "action" | "api";
                            method: string | null;
                            name: string;
                            nameEn: string;
                            /** Format: uuid */
                            parentId: string | null;
                            roles: string[];
                            route: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除子节点（管理员添加的、没有下级的节点） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/resources/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 节点上移或下移（在同级节点之间） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        direction: "up" | "down";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            code: string;
                            /** @enum {string|null} */
                            duty: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin" | null;
                            enabled: boolean;
                            guarded: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "root" | "shell" | "menu" | "page" | "action" | "api";
                            method: string | null;
                            name: string;
                            nameEn: string;
                            /** Format: uuid */
                            parentId: string | null;
                            roles: string[];
                            route: string | null;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 角色管理：全部角色（含内置角色）及其人数 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                builtin: boolean;
                                code: string;
                                departmentIds: string[];
                                description: string;
                                enabled: boolean;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                nameEn: string;
                                people: number;
                                sortOrder: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建角色（基于一种内置职责：决定数据范围和业务规则） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        base: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                        code: string;
                        copyFrom?: string | null;
                        /** @default [] */
                        departmentIds?: string[];
                        /** @default  */
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        name: string;
                        /** @default  */
                        nameEn?: string;
                        /** @default 0 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            builtin: boolean;
                            code: string;
                            departmentIds: string[];
                            description: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEn: string;
                            people: number;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改角色（名称、排序、说明、启用或停用；内置角色不能停用） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        departmentIds?: string[];
                        /** @default  */
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        name: string;
                        /** @default  */
                        nameEn?: string;
                        /** @default 0 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            builtin: boolean;
                            code: string;
                            departmentIds: string[];
                            description: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            nameEn: string;
                            people: number;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除角色（内置角色和还有人员使用的角色不能删除） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/roles/{id}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 角色人员匹配：全部在岗工作人员，各附是否持有该角色（主角色或兼任） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                departmentId: string | null;
                                displayName: string;
                                /** @enum {string} */
                                duty: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                /** @enum {string|null} */
                                holds: "main" | "extra" | null;
                                /** Format: uuid */
                                id: string;
                                username: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** 角色人员匹配：设定兼任该角色的人员（以它为主角色的人员在人员管理中修改） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                departmentId: string | null;
                                displayName: string;
                                /** @enum {string} */
                                duty: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                /** @enum {string|null} */
                                holds: "main" | "extra" | null;
                                /** Format: uuid */
                                id: string;
                                username: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sso/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单点登录：已登记的接入系统（不含密钥），附尚未送达的退出通知数 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                backchannelLogoutUri: string | null;
                                createdAt: string;
                                enabled: boolean;
                                /** @description client_id */
                                id: string;
                                logouts: {
                                    failed: number;
                                    pending: number;
                                };
                                name: string;
                                postLogoutRedirectUris: string[];
                                redirectUris: string[];
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记接入系统（回答中含客户端密钥，只显示这一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        backchannelLogoutUri: string | null;
                        enabled: boolean;
                        name: string;
                        postLogoutRedirectUris: string[];
                        redirectUris: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backchannelLogoutUri: string | null;
                            createdAt: string;
                            enabled: boolean;
                            /** @description client_id */
                            id: string;
                            name: string;
                            postLogoutRedirectUris: string[];
                            redirectUris: string[];
                            secret: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sso/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改接入系统（名称、回调地址、退出地址、启用或停用） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        backchannelLogoutUri: string | null;
                        enabled: boolean;
                        name: string;
                        postLogoutRedirectUris: string[];
                        redirectUris: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backchannelLogoutUri: string | null;
                            createdAt: string;
                            enabled: boolean;
                            /** @description client_id */
                            id: string;
                            name: string;
                            postLogoutRedirectUris: string[];
                            redirectUris: string[];
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除接入系统（其授权和令牌一并作废） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sso/clients/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更换接入系统的密钥（旧密钥立即失效；新密钥只显示这一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backchannelLogoutUri: string | null;
                            createdAt: string;
                            enabled: boolean;
                            /** @description client_id */
                            id: string;
                            name: string;
                            postLogoutRedirectUris: string[];
                            redirectUris: string[];
                            secret: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sso/external-identities/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 解除某工作人员账号与外部统一身份认证的关联（如其外部账号丢失；未关联时无变化） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作人员（含已停用），附各人在办任务数 */
        get: {
            parameters: {
                query?: {
                    centerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                centerId: string | null;
                                /** Format: uuid */
                                departmentId: string | null;
                                displayName: string;
                                extraRoleCodes: string[];
                                /** Format: uuid */
                                id: string;
                                openSteps: number;
                                phone: string | null;
                                /** @enum {string} */
                                role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                roleCode?: string | null;
                                secondFactorEnrolled: boolean;
                                secondFactorRequired: boolean;
                                /** @enum {string} */
                                status: "active" | "disabled";
                                username: string;
                                /** Format: uuid */
                                windowId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建工作人员账号（初始密码须符合工作人员密码规则） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        centerId: string;
                        /** Format: uuid */
                        departmentId: string | null;
                        displayName: string;
                        extraRoleCodes?: string[];
                        initialPassword: string;
                        phone: string | null;
                        /** @enum {string} */
                        role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                        roleCode?: string | null;
                        secondFactorRequired?: boolean;
                        username: string;
                        /** Format: uuid */
                        windowId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string | null;
                            /** Format: uuid */
                            departmentId: string | null;
                            displayName: string;
                            extraRoleCodes: string[];
                            /** Format: uuid */
                            id: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            roleCode?: string | null;
                            secondFactorEnrolled: boolean;
                            secondFactorRequired: boolean;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            username: string;
                            /** Format: uuid */
                            windowId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改工作人员（姓名、角色、中心、部门、窗口、电话；不能改自己的角色） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        centerId: string;
                        /** Format: uuid */
                        departmentId: string | null;
                        displayName: string;
                        extraRoleCodes?: string[];
                        phone: string | null;
                        /** @enum {string} */
                        role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                        roleCode?: string | null;
                        secondFactorRequired?: boolean;
                        /** Format: uuid */
                        windowId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string | null;
                            /** Format: uuid */
                            departmentId: string | null;
                            displayName: string;
                            extraRoleCodes: string[];
                            /** Format: uuid */
                            id: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            roleCode?: string | null;
                            secondFactorEnrolled: boolean;
                            secondFactorRequired: boolean;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            username: string;
                            /** Format: uuid */
                            windowId: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用工作人员（须先把在办任务工作交接；其登录随之结束） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string | null;
                            /** Format: uuid */
                            departmentId: string | null;
                            displayName: string;
                            extraRoleCodes: string[];
                            /** Format: uuid */
                            id: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            roleCode?: string | null;
                            secondFactorEnrolled: boolean;
                            secondFactorRequired: boolean;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            username: string;
                            /** Format: uuid */
                            windowId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新启用工作人员 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string | null;
                            /** Format: uuid */
                            departmentId: string | null;
                            displayName: string;
                            extraRoleCodes: string[];
                            /** Format: uuid */
                            id: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            roleCode?: string | null;
                            secondFactorEnrolled: boolean;
                            secondFactorRequired: boolean;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            username: string;
                            /** Format: uuid */
                            windowId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff/{id}/second-factor/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置工作人员的两步验证（手机和恢复码都丢失时；其登录随之结束） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            centerId: string | null;
                            /** Format: uuid */
                            departmentId: string | null;
                            displayName: string;
                            extraRoleCodes: string[];
                            /** Format: uuid */
                            id: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                            roleCode?: string | null;
                            secondFactorEnrolled: boolean;
                            secondFactorRequired: boolean;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            username: string;
                            /** Format: uuid */
                            windowId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志：查阅案卷、申请人信息和材料，以及组织机构和人员的每次变更（仅审计管理员；按时间倒序，可按操作人、操作、对象、结果、时间筛选） */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    before?: number;
                    from?: string;
                    limit?: number;
                    result?: "ok" | "refused";
                    targetId?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorId: string | null;
                                actorName: string | null;
                                actorRole: string | null;
                                address: string | null;
                                at: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                result: string;
                                seq: number;
                                targetId: string | null;
                                targetType: string;
                            }[];
                            nextBefore: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志（CSV，按当前筛选，最多一万条） */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    from?: string;
                    result?: "ok" | "refused";
                    targetId?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验审计日志的哈希链（报告第一处断开：缺失、链接错误或内容被改） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            firstBroken: {
                                /** @enum {string} */
                                reason: "missing" | "link" | "hash";
                                seq: number;
                            } | null;
                            ok: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/external": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 外部统一身份认证：是否启用、名称，以及当前工作人员是否已关联 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            linked: boolean | null;
                            name: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 解除本人账号与外部统一身份认证的关联（工作人员；未关联时无变化） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置本人首选语言（登录后的界面与短信、邮件、站内消息的语言） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        language: "zh" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                departmentId: string | null;
                                departmentName: string | null;
                                displayName: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                language: "zh" | "en";
                                /** @enum {string} */
                                role: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                roleCode: string;
                                roles: {
                                    /** @enum {string} */
                                    base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                    code: string;
                                    main: boolean;
                                    name: string;
                                    nameEn: string;
                                }[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录（开启两步验证的账号另需 code 或安全密钥的 webauthn 应答；失败过多时按账号和地址暂时锁定，429 附 Retry-After） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        password: string;
                        username: string;
                        webauthn?: {
                            /** @enum {string} */
                            authenticatorAttachment?: "platform" | "cross-platform";
                            /** @default {} */
                            clientExtensionResults?: {
                                appid?: boolean;
                                credProps?: {
                                    rk?: boolean;
                                };
                                hmacCreateSecret?: boolean;
                            };
                            id: string;
                            rawId: string;
                            response: {
                                authenticatorData: string;
                                clientDataJSON: string;
                                signature: string;
                                userHandle?: string;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes?: string[];
                            user: {
                                /** Format: uuid */
                                departmentId: string | null;
                                departmentName: string | null;
                                displayName: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                language: "zh" | "en";
                                /** @enum {string} */
                                role: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                roleCode: string;
                                roles: {
                                    /** @enum {string} */
                                    base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                    code: string;
                                    main: boolean;
                                    name: string;
                                    nameEn: string;
                                }[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出所有设备（结束自己的全部会话，含本会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                departmentId: string | null;
                                departmentName: string | null;
                                displayName: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                language: "zh" | "en";
                                /** @enum {string} */
                                role: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                roleCode: string;
                                roles: {
                                    /** @enum {string} */
                                    base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                    code: string;
                                    main: boolean;
                                    name: string;
                                    nameEn: string;
                                }[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人菜单中不显示的页面（已停用，或未绑定本人的角色） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hidden: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码（须当前密码；其他设备上的登录随之结束，本设备保持登录） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessionsEnded: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 市民注册 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** @enum {string} */
                        language?: "zh" | "en";
                        password: string;
                        phone?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                departmentId: string | null;
                                departmentName: string | null;
                                displayName: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                language: "zh" | "en";
                                /** @enum {string} */
                                role: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                roleCode: string;
                                roles: {
                                    /** @enum {string} */
                                    base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                    code: string;
                                    main: boolean;
                                    name: string;
                                    nameEn: string;
                                }[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 切换角色：本次登录以本人持有的另一个角色办事（主角色或兼任角色） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                departmentId: string | null;
                                departmentName: string | null;
                                displayName: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                language: "zh" | "en";
                                /** @enum {string} */
                                role: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                roleCode: string;
                                roles: {
                                    /** @enum {string} */
                                    base: "applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin";
                                    code: string;
                                    main: boolean;
                                    name: string;
                                    nameEn: string;
                                }[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 两步验证状态（工作人员） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrolled: boolean;
                            recoveryCodesLeft: number;
                            required: boolean;
                            securityKeys: {
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 输入应用显示的第一个验证码，开启两步验证；返回恢复码（仅显示这一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以当前验证码关闭身份验证器应用（管理员要求两步验证且没有安全密钥时不能关闭） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrolled: boolean;
                            recoveryCodesLeft: number;
                            required: boolean;
                            securityKeys: {
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以当前验证码换一组新的恢复码（旧的作废） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开始设置两步验证：身份验证器应用扫描的二维码与密钥 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            otpauthUri: string;
                            qrSvg: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的登录会话（各设备） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string | null;
                                createdAt: string;
                                current: boolean;
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                lastSeenAt: string;
                                userAgent: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 结束自己的一个登录会话 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/webauthn/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记浏览器创建的安全密钥并为它命名（如“办公电脑指纹”） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        response: {
                            /** @enum {string} */
                            authenticatorAttachment?: "platform" | "cross-platform";
                            /** @default {} */
                            clientExtensionResults?: {
                                appid?: boolean;
                                credProps?: {
                                    rk?: boolean;
                                };
                                hmacCreateSecret?: boolean;
                            };
                            id: string;
                            rawId: string;
                            response: {
                                attestationObject: string;
                                authenticatorData?: string;
                                clientDataJSON: string;
                                publicKey?: string;
                                publicKeyAlgorithm?: number;
                                transports?: string[];
                            };
                            /** @enum {string} */
                            type: "public-key";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/webauthn/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除自己的一把安全密钥（管理员要求两步验证时不能删除仅剩的验证方式） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrolled: boolean;
                            recoveryCodesLeft: number;
                            required: boolean;
                            securityKeys: {
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/webauthn/login-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 用安全密钥登录的第一步：用户名和密码正确时，返回浏览器询问该账号安全密钥所需的参数（失败计数与锁定同登录） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowCredentials?: {
                                id: string;
                                transports?: ("ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb")[];
                                /** @enum {string} */
                                type: "public-key";
                            }[];
                            challenge: string;
                            extensions?: {
                                appid?: string;
                                credProps?: boolean;
                                hmacCreateSecret?: boolean;
                                minPinLength?: boolean;
                            };
                            hints?: ("hybrid" | "security-key" | "client-device")[];
                            rpId?: string;
                            timeout?: number;
                            /** @enum {string} */
                            userVerification?: "required" | "preferred" | "discouraged";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/webauthn/registration-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开始添加安全密钥：浏览器创建密钥所需的参数（须以域名打开本系统） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            attestation?: "direct" | "enterprise" | "indirect" | "none";
                            attestationFormats?: ("fido-u2f" | "packed" | "android-safetynet" | "android-key" | "tpm" | "apple" | "none")[];
                            authenticatorSelection?: {
                                /** @enum {string} */
                                authenticatorAttachment?: "platform" | "cross-platform";
                                requireResidentKey?: boolean;
                                /** @enum {string} */
                                residentKey?: "discouraged" | "preferred" | "required";
                                /** @enum {string} */
                                userVerification?: "required" | "preferred" | "discouraged";
                            };
                            challenge: string;
                            excludeCredentials?: {
                                id: string;
                                transports?: ("ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb")[];
                                /** @enum {string} */
                                type: "public-key";
                            }[];
                            extensions?: {
                                appid?: string;
                                credProps?: boolean;
                                hmacCreateSecret?: boolean;
                                minPinLength?: boolean;
                            };
                            hints?: ("hybrid" | "security-key" | "client-device")[];
                            pubKeyCredParams: {
                                alg: number;
                                /** @enum {string} */
                                type: "public-key";
                            }[];
                            rp: {
                                id?: string;
                                name: string;
                            };
                            timeout?: number;
                            user: {
                                displayName: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{region}/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置某天为工作日或节假日（留痕并重算期限） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    date: string;
                    region: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "workday" | "holiday";
                        name: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{region}/days/{date}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销某天的调整，恢复默认 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    date: string;
                    region: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{region}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 日历修改记录（审计） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    region: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actorId: string | null;
                                actorRole: string | null;
                                after: {
                                    /** @enum {string} */
                                    kind: "workday" | "holiday";
                                    name: string;
                                    source: string;
                                } | null;
                                /** Format: date-time */
                                at: string;
                                before: {
                                    /** @enum {string} */
                                    kind: "workday" | "holiday";
                                    name: string;
                                    source: string;
                                } | null;
                                date: string;
                                id: number;
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{region}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入国务院年度节假日安排（CSV 或 JSON） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    region: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        /** @enum {string} */
                        format: "csv" | "json";
                        year?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changedDays: string[];
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{region}/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某地区某年的每一天（工作日 / 休息日 / 节假日名称） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    region: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                date: string;
                                name: string | null;
                                provisional: boolean;
                                source: string;
                                weekday: string;
                                work: boolean;
                            }[];
                            knownThrough: string;
                            region: string;
                            year: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 期限计算（与 tongban deadline 命令一致） */
        get: {
            parameters: {
                query: {
                    days: number;
                    from: string;
                    pause?: string | string[];
                    region?: string;
                    unit?: "workday" | "day" | "hour";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            due: string;
                            dueDate: string;
                            ledger: {
                                entries: {
                                    [key: string]: unknown;
                                }[];
                                text: string;
                            };
                            provisional: boolean;
                            region: string;
                            /** @enum {string} */
                            unit: "workday" | "day" | "hour";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/recomputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 日历变更后的期限重算任务（进行中的在前；已重算 n / 共 m 件） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                days: string[] | null;
                                done: number;
                                eventType: string;
                                finishedAt: string | null;
                                id: number;
                                moved: number;
                                reason: string;
                                region: string | null;
                                requestedAt: string;
                                requestedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                startedAt: string | null;
                                /** @enum {string} */
                                state: "queued" | "running" | "done";
                                total: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 日历区域 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 新建地区日历 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本中心的日历区域、办公时间与黄灯阈值 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            close: string;
                            open: string;
                            region: string;
                            yellowWorkdays: number;
                        };
                    };
                };
            };
        };
        /** 设置办公时间与黄灯阈值 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        close: string;
                        open: string;
                        region: string;
                        yellowWorkdays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件列表（游标分页，按提交时间；受理队列默认最早在前） */
        get: {
            parameters: {
                query?: {
                    /** @description 申请人姓名或名称（前缀）/ applicant name prefix */
                    applicant?: string;
                    /** @description 办件编号（前缀）/ case number prefix */
                    caseNo?: string;
                    /** @description 上一页返回的 nextCursor（不透明）；省略则从第一页开始 / nextCursor of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description 承办部门 / handling department */
                    departmentId?: string;
                    /** @description 起始日期（含，北京时间）/ first day, inclusive (UTC+8) */
                    from?: string;
                    /** @description 办理事项 / service item */
                    itemId?: string;
                    /** @description 每页条数，默认 50，最多 200 / rows per page */
                    limit?: number;
                    /** @description 按时间升序或降序 / oldest or newest first */
                    order?: "asc" | "desc";
                    scope?: "mine" | "intake" | "all";
                    /** @description 办件状态 / case state */
                    status?: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                    /** @description 截止日期（含，北京时间）/ last day, inclusive (UTC+8) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                acceptedAt: string | null;
                                applicantName: string;
                                caseNo: string;
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                /** Format: date-time */
                                concludedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                dueProvisional: boolean;
                                /** Format: uuid */
                                id: string;
                                itemName: string;
                                /** @enum {string} */
                                status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                                /** Format: date-time */
                                submittedAt: string;
                                workdaysLeft: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 提交申请（网上申报） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        formData: {
                            [key: string]: (string | number | boolean | (null)) | {
                                [key: string]: string | number | boolean | (null);
                            }[];
                        };
                        idempotencyKey: string;
                        /** Format: uuid */
                        itemId: string;
                        /** Format: uuid */
                        itemVersionId?: string;
                        materials: {
                            /** Format: uuid */
                            materialId: string;
                            /** Format: uuid */
                            uploadId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** Format: uuid */
                            id: string;
                            queryCode: string;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** Format: uuid */
                            id: string;
                            queryCode: string;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 受理（可带 Idempotency-Key，重试返回首次结果） */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Idempotency-Key: 8–100 visible ASCII characters; a retry with the same key returns the first answer */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/copies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件的抄送及已读回执 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                caseId: string | null;
                                caseNo: string | null;
                                /** Format: uuid */
                                id: string;
                                itemName: string | null;
                                /** Format: date-time */
                                readAt: string | null;
                                /** Format: date-time */
                                sentAt: string;
                                sentBy: string | null;
                                sentByName: string | null;
                                step: string | null;
                                /** Format: uuid */
                                userId: string;
                                userName: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 抄送（只读，含已读回执） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        taskId?: string;
                        users: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件的通知书列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                issuedAt: string;
                                /** @enum {string} */
                                kind: "acceptance" | "refusal" | "supplement" | "conclusion";
                                number: string;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 延长办理期限（第四十二条，限一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        workdays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人现在可对办件各环节做的流程操作（界面只显示这些） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceStatus: string;
                            recused: boolean;
                            resume: boolean;
                            suspend: boolean;
                            tasks: {
                                delegate: string | null;
                                delegateName: string | null;
                                name: string | null;
                                nodeId: string;
                                operations: ("complete" | "claim" | "unclaim" | "return" | "transfer" | "delegate" | "resolve" | "addSigners" | "removeSigner" | "copy" | "withdraw" | "urge")[];
                                owner: string | null;
                                ownerName: string | null;
                                removableSigners: {
                                    index: number;
                                    kind: string;
                                    name: string;
                                    state: string;
                                    value: string;
                                }[];
                                returnTargets: string[];
                                status: string;
                                /** Format: uuid */
                                taskId: string;
                                transferTargets: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/pauses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暂停计时（补正 / 第四十五条特别程序） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expectedLastDay: string;
                        firstDay?: string;
                        reason: string;
                        /** @enum {string} */
                        type: "supplement" | "hearing" | "tender" | "auction" | "inspection" | "testing" | "quarantine" | "appraisal" | "expert_review";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/pauses/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束暂停、恢复计时 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lastDay?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件的流程图与全部办理历史（已办 / 在办 / 退回环节） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                action: string;
                                actorId: string | null;
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                } | null;
                                fields: {
                                    [key: string]: {
                                        from: unknown;
                                        to: unknown;
                                    };
                                } | null;
                                id: number;
                                instanceId: string;
                                nodeId: string | null;
                                opinion: string | null;
                                taskId: string | null;
                            }[];
                            highlight: {
                                active: string[];
                                done: string[];
                                returned: string[];
                            };
                            key: string;
                            version: number;
                            xml: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予受理（须说明理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 恢复办件流程 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请人补正材料 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        materials: {
                            /** Format: uuid */
                            materialId: string;
                            /** Format: uuid */
                            uploadId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/supplement-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 一次性告知补正材料（第三十二条） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            materialId: string;
                            note?: string;
                            /** @enum {string} */
                            problem: "missing" | "irregular";
                        }[];
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 挂起办件流程 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批项目统计汇总表（按分类和部门） */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            rows: {
                                accepted: number;
                                approved: number;
                                /** Format: uuid */
                                categoryId: string | null;
                                categoryPath: string | null;
                                concluded: number;
                                denied: number;
                                /** Format: uuid */
                                departmentId: string;
                                departmentName: string;
                                inTime: number;
                                inTimeRate: number | null;
                                items: number;
                                overdue: number;
                                received: number;
                                refused: number;
                            }[];
                            to: string;
                            totals: {
                                accepted: number;
                                approved: number;
                                concluded: number;
                                denied: number;
                                inTime: number;
                                inTimeRate: number | null;
                                items: number;
                                overdue: number;
                                received: number;
                                refused: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/statistics.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批项目统计汇总表（Excel） */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/center": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务中心信息 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string | null;
                            name: string;
                            phone: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/copies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 抄送我的（游标分页，未读在前；unread 为全部未读数） */
        get: {
            parameters: {
                query?: {
                    /** @description 办件编号（前缀）/ case number prefix */
                    caseNo?: string;
                    /** @description 上一页返回的 nextCursor（不透明）；省略则从第一页开始 / nextCursor of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description 抄送日期起（含）/ sent on or after */
                    from?: string;
                    /** @description 每页条数，默认 50，最多 200 / rows per page */
                    limit?: number;
                    /** @description 未读或已读 / unread or read */
                    state?: "unread" | "read";
                    /** @description 抄送日期止（含）/ sent on or before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                caseId: string | null;
                                caseNo: string | null;
                                /** Format: uuid */
                                id: string;
                                itemName: string | null;
                                /** Format: date-time */
                                readAt: string | null;
                                /** Format: date-time */
                                sentAt: string;
                                sentBy: string | null;
                                sentByName: string | null;
                                step: string | null;
                                /** Format: uuid */
                                userId: string;
                                userName: string | null;
                            }[];
                            nextCursor: string | null;
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/copies/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 抄送已读 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 部门列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知书 PDF（inline，可在浏览器中打印） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/applicants/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按身份证号码或统一社会信用代码查找申请人档案，并按事项预填申请表 */
        get: {
            parameters: {
                query: {
                    itemId?: string;
                    kind: "person" | "enterprise";
                    number: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicant: {
                                address: string | null;
                                contactPerson: string | null;
                                hasAccount: boolean;
                                /** Format: uuid */
                                id: string;
                                idNumber: string | null;
                                /** @enum {string} */
                                kind: "person" | "enterprise";
                                legalRepresentative: string | null;
                                name: string;
                                phone: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                            formData: {
                                [key: string]: string | number;
                            };
                            idNumber: string;
                            sources: {
                                [key: string]: {
                                    /** @enum {string} */
                                    kind: "profile";
                                } | {
                                    caseNo: string;
                                    /** @enum {string} */
                                    kind: "case";
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 窗口人员本人的签到状态 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string | null;
                            signedIn: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/attendance/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 窗口人员签到（考勤） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string | null;
                            signedIn: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/attendance/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 窗口人员签退（考勤） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string | null;
                            signedIn: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 窗口接件：登记申请人并代为提交申请 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        applicant: {
                            address?: string;
                            contactPerson?: string;
                            idNumber: string;
                            /** @enum {string} */
                            kind: "person" | "enterprise";
                            legalRepresentative?: string;
                            name: string;
                            phone?: string;
                        };
                        formData: {
                            [key: string]: (string | number | boolean | (null)) | {
                                [key: string]: string | number | boolean | (null);
                            }[];
                        };
                        idempotencyKey: string;
                        /** Format: uuid */
                        itemId: string;
                        /** Format: uuid */
                        itemVersionId?: string;
                        materials: {
                            /** Format: uuid */
                            materialId: string;
                            /** Format: uuid */
                            uploadId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            applicantId: string;
                            caseNo: string;
                            /** Format: uuid */
                            id: string;
                            queryCode: string;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            applicantId: string;
                            caseNo: string;
                            /** Format: uuid */
                            id: string;
                            queryCode: string;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/accept-deficient": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 容缺受理：列明尚欠的可容缺材料及补交期限（工作日） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        materialIds: string[];
                        workdays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件的材料核验清单 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowsDeficientAcceptance: boolean;
                            immediate: boolean;
                            items: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                checkedByName: string | null;
                                copies: number;
                                deferrable: boolean;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                note: string;
                                originalSeen: boolean;
                                required: boolean;
                                /** @enum {string|null} */
                                status: "received" | "missing" | "irregular" | null;
                            }[];
                            noticeDraft: {
                                /** Format: uuid */
                                materialId: string;
                                note: string;
                                /** @enum {string} */
                                problem: "missing" | "irregular";
                            }[];
                        };
                    };
                };
            };
        };
        /** 保存材料核验（收到 / 缺件 / 不符合要求，原件核验，份数） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @default 0 */
                            copies?: number;
                            /** Format: uuid */
                            materialId: string;
                            /** @default  */
                            note?: string;
                            /** @default false */
                            originalSeen?: boolean;
                            /** @enum {string} */
                            status: "received" | "missing" | "irregular";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowsDeficientAcceptance: boolean;
                            immediate: boolean;
                            items: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                checkedByName: string | null;
                                copies: number;
                                deferrable: boolean;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                note: string;
                                originalSeen: boolean;
                                required: boolean;
                                /** @enum {string|null} */
                                status: "received" | "missing" | "irregular" | null;
                            }[];
                            noticeDraft: {
                                /** Format: uuid */
                                materialId: string;
                                note: string;
                                /** @enum {string} */
                                problem: "missing" | "irregular";
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/conclude": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 即办件当场办结（受理并办结，出具办结通知书） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        opinion?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/owed/{materialId}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记容缺材料已补交 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    materialId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        uploadId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/owed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 容缺待补材料（逾期在前） */
        get: {
            parameters: {
                query?: {
                    overdue?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applicantName: string;
                                /** Format: uuid */
                                caseId: string;
                                caseNo: string;
                                dueDate: string;
                                itemName: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/item-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事项分类（项目分类树，按 parentId 组织） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** Format: uuid */
                            id: string;
                            itemCount: number;
                            name: string;
                            /** Format: uuid */
                            parentId: string | null;
                            sortOrder: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理事项列表（可按分类筛选，含下级分类） */
        get: {
            parameters: {
                query?: {
                    categoryId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            categoryId: string | null;
                            code: string;
                            /** Format: uuid */
                            departmentId: string;
                            departmentName: string;
                            fee: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            itemType: "immediate" | "promised" | "joint" | "reported";
                            legalDays: number;
                            /** @enum {string} */
                            limitUnit: "workday" | "day" | "hour";
                            name: string;
                            promisedDays: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理事项详情（办事指南） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowsDeficientAcceptance: boolean;
                            basicCode: string | null;
                            /** Format: uuid */
                            categoryId: string | null;
                            categoryName: string | null;
                            code: string;
                            codeParts: {
                                handlingSeq: string | null;
                                implementerCode: string | null;
                                mainCode: string | null;
                                subCode: string | null;
                                typeCode: string | null;
                            };
                            complaintPhone: string;
                            conditions: string;
                            contactPhone: string;
                            /** Format: uuid */
                            departmentId: string;
                            departmentName: string;
                            description: string;
                            fee: string;
                            feeFree: boolean;
                            feeItems: {
                                amount: number;
                                basis: string;
                                name: string;
                            }[];
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            handlingCode: string | null;
                            hours: string;
                            /** Format: uuid */
                            id: string;
                            implementationCode: string | null;
                            /** @enum {string} */
                            itemType: "immediate" | "promised" | "joint" | "reported";
                            legalBasis: string;
                            legalDays: number;
                            /** @enum {string} */
                            limitUnit: "workday" | "day" | "hour";
                            location: string;
                            materials: {
                                condition: string;
                                copies: number;
                                deferrable: boolean;
                                elicenceType: string | null;
                                form: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                medium: "paper" | "electronic" | "both";
                                name: string;
                                /** @enum {string} */
                                originalOrCopy: "original" | "copy" | "both";
                                required: boolean;
                                /** @enum {string} */
                                requirement: "required" | "conditional";
                                /** Format: uuid */
                                sampleUploadId: string | null;
                            }[];
                            name: string;
                            promisedDays: number;
                            version: number | null;
                            /** Format: uuid */
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/materials/{materialId}/sample": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载材料样表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    materialId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人接收通知的手机号与邮箱（掩码显示） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                            phone: string | null;
                        };
                    };
                };
            };
        };
        /** 修改本人手机号（中国大陆手机号）或邮箱 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                            phone: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息中心：本人的站内消息（新的在前）与未读数 */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    unread?: "0" | "1";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                /** Format: uuid */
                                caseId: string | null;
                                caseNo: string | null;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                link: string | null;
                                readAt: string | null;
                                title: string;
                                urgent: boolean;
                            }[];
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/inbox/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记已读（不带 ids 为全部已读） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                            unread: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人按通知种类选择的渠道 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                available: ("sms" | "email" | "inapp")[];
                                channels: ("sms" | "email" | "inapp")[];
                                kind: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                mandatory: ("sms" | "email" | "inapp")[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/preferences/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 选择某种通知的渠道（规则要求的渠道不能关闭） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channels: ("sms" | "email" | "inapp")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: ("sms" | "email" | "inapp")[];
                            kind: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读数实时推送（text/event-stream） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人未读站内消息数 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/admin/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文章管理：全部文章（含草稿） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                /** @enum {string} */
                                category: "news" | "disclosure";
                                /** Format: uuid */
                                id: string;
                                pinned: boolean;
                                /** Format: date-time */
                                publishedAt: string | null;
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建文章（系统管理员） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @enum {string} */
                        category: "news" | "disclosure";
                        /** @default false */
                        pinned?: boolean;
                        publishedAt: unknown;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            /** @enum {string} */
                            category: "news" | "disclosure";
                            /** Format: uuid */
                            id: string;
                            pinned: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/admin/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改文章（带版本号，防止覆盖他人修改） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @enum {string} */
                        category: "news" | "disclosure";
                        /** @default false */
                        pinned?: boolean;
                        publishedAt: unknown;
                        title: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            /** @enum {string} */
                            category: "news" | "disclosure";
                            /** Format: uuid */
                            id: string;
                            pinned: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除文章 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政务公开 / 通知公告（已发布，置顶在前） */
        get: {
            parameters: {
                query?: {
                    category?: "news" | "disclosure";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                category: "news" | "disclosure";
                                /** Format: uuid */
                                id: string;
                                pinned: boolean;
                                /** Format: date-time */
                                publishedAt: string | null;
                                title: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文章详情（已发布） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            /** @enum {string} */
                            category: "news" | "disclosure";
                            /** Format: uuid */
                            id: string;
                            pinned: boolean;
                            /** Format: date-time */
                            publishedAt: string | null;
                            title: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/cases/{caseId}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件的评价（无则为 null） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rating: {
                                bad: boolean;
                                /** Format: uuid */
                                caseId: string;
                                comment: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                level: "very_satisfied" | "satisfied" | "basically_satisfied" | "dissatisfied" | "very_dissatisfied";
                                score: number;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 评价办件（办结后，每件一次；差评须说明原因） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        comment?: string;
                        /** @enum {string} */
                        level: "very_satisfied" | "satisfied" | "basically_satisfied" | "dissatisfied" | "very_dissatisfied";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bad: boolean;
                            /** Format: uuid */
                            caseId: string;
                            comment: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            level: "very_satisfied" | "satisfied" | "basically_satisfied" | "dissatisfied" | "very_dissatisfied";
                            score: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的草稿 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                departmentName: string;
                                formData: {
                                    [key: string]: (string | number | boolean | (null)) | {
                                        [key: string]: string | number | boolean | (null);
                                    }[];
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                itemId: string;
                                itemName: string;
                                materials: {
                                    /** Format: uuid */
                                    materialId: string;
                                    originalName: string;
                                    sizeBytes: number;
                                    /** Format: uuid */
                                    uploadId: string;
                                }[];
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** 保存草稿（每个事项一份，覆盖保存） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        formData: {
                            [key: string]: (string | number | boolean | (null)) | {
                                [key: string]: string | number | boolean | (null);
                            }[];
                        };
                        /** Format: uuid */
                        itemId: string;
                        materials: {
                            /** Format: uuid */
                            materialId: string;
                            /** Format: uuid */
                            uploadId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            departmentName: string;
                            formData: {
                                [key: string]: (string | number | boolean | (null)) | {
                                    [key: string]: string | number | boolean | (null);
                                }[];
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                /** Format: uuid */
                                materialId: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/drafts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除草稿 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/drafts/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 由草稿提交申请（同一事务内创建办件并删除草稿） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        formData?: {
                            [key: string]: (string | number | boolean | (null)) | {
                                [key: string]: string | number | boolean | (null);
                            }[];
                        };
                        idempotencyKey: string;
                        /** Format: uuid */
                        itemVersionId?: string;
                        materials?: {
                            /** Format: uuid */
                            materialId: string;
                            /** Format: uuid */
                            uploadId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** Format: uuid */
                            id: string;
                            queryCode: string;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** Format: uuid */
                            id: string;
                            queryCode: string;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/drafts/by-item/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某事项的草稿（无则为 null） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            draft: {
                                /** Format: date-time */
                                createdAt: string;
                                departmentName: string;
                                formData: {
                                    [key: string]: (string | number | boolean | (null)) | {
                                        [key: string]: string | number | boolean | (null);
                                    }[];
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                itemId: string;
                                itemName: string;
                                materials: {
                                    /** Format: uuid */
                                    materialId: string;
                                    originalName: string;
                                    sizeBytes: number;
                                    /** Format: uuid */
                                    uploadId: string;
                                }[];
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本部门的咨询/投诉（工作台） */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "answered";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                anonymous: boolean;
                                answer: string | null;
                                /** Format: date-time */
                                answeredAt: string | null;
                                answeredByName: string | null;
                                body: string;
                                contactName: string;
                                contactPhone: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                departmentId: string;
                                departmentName: string;
                                /** Format: uuid */
                                id: string;
                                itemName: string | null;
                                /** @enum {string} */
                                kind: "consultation" | "complaint";
                                /** Format: date-time */
                                replyDueAt: string;
                                /** @enum {string} */
                                status: "open" | "answered";
                                subject: string;
                                ticketNo: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 提交咨询或投诉（登录或匿名留电话；按事项/部门转办） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        contactName?: string;
                        contactPhone?: string;
                        /** Format: uuid */
                        departmentId?: string | null;
                        /** Format: uuid */
                        itemId?: string | null;
                        /** @enum {string} */
                        kind: "consultation" | "complaint";
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "consultation" | "complaint";
                            queryCode: string;
                            /** Format: date-time */
                            replyDueAt: string;
                            ticketNo: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复咨询/投诉（本部门人员或中心领导） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answer: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anonymous: boolean;
                            answer: string | null;
                            /** Format: date-time */
                            answeredAt: string | null;
                            answeredByName: string | null;
                            body: string;
                            contactName: string;
                            contactPhone: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            departmentId: string;
                            departmentName: string;
                            /** Format: uuid */
                            id: string;
                            itemName: string | null;
                            /** @enum {string} */
                            kind: "consultation" | "complaint";
                            /** Format: date-time */
                            replyDueAt: string;
                            /** @enum {string} */
                            status: "open" | "answered";
                            subject: string;
                            ticketNo: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭受理编号和查询码查看答复（无需登录） */
        get: {
            parameters: {
                query: {
                    queryCode: string;
                    ticketNo: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answer: string | null;
                            /** Format: date-time */
                            answeredAt: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            departmentName: string;
                            /** Format: uuid */
                            id: string;
                            itemName: string | null;
                            /** @enum {string} */
                            kind: "consultation" | "complaint";
                            /** Format: date-time */
                            replyDueAt: string;
                            /** @enum {string} */
                            status: "open" | "answered";
                            subject: string;
                            ticketNo: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的咨询/投诉 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                answer: string | null;
                                /** Format: date-time */
                                answeredAt: string | null;
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                departmentName: string;
                                /** Format: uuid */
                                id: string;
                                itemName: string | null;
                                /** @enum {string} */
                                kind: "consultation" | "complaint";
                                /** Format: date-time */
                                replyDueAt: string;
                                /** @enum {string} */
                                status: "open" | "answered";
                                subject: string;
                                ticketNo: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件结果公示（办件编号部分隐藏，不含申请人信息） */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                caseNo: string;
                                /** Format: date-time */
                                concludedAt: string;
                                departmentName: string;
                                itemName: string;
                                /** @enum {string} */
                                result: "approved" | "denied" | "refused";
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事项搜索（关键词、拼音首字母、全拼；游标分页，匹配度高的在前） */
        get: {
            parameters: {
                query: {
                    /** @description 上一页返回的 nextCursor（不透明）；省略则从第一页开始 / nextCursor of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description 每页条数，默认 50，最多 200 / rows per page */
                    limit?: number;
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                /** Format: uuid */
                                departmentId: string;
                                departmentName: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                itemType: "immediate" | "promised" | "joint" | "reported";
                                legalDays: number;
                                /** @enum {string} */
                                limitUnit: "workday" | "day" | "hour";
                                /** @enum {string} */
                                match: "name" | "code" | "department" | "initials" | "pinyin";
                                name: string;
                                promisedDays: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件进度查询（办件编号 + 查询码，无需登录） */
        get: {
            parameters: {
                query: {
                    caseNo: string;
                    queryCode: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            caseNo: string;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            itemName: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作人员（转办、委派、抄送、加签时选择） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            departmentName: string | null;
                            displayName: string;
                            /** Format: uuid */
                            id: string;
                            role: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作交接：各工作人员名下的在办任务数（已分配、已签收或受委派） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            departmentName: string | null;
                            displayName: string;
                            /** Format: uuid */
                            id: string;
                            openTasks: number;
                            role: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 异常程序监察：越序或跳过环节、无理由或无法律依据的不予受理、视为受理、重复告知、超时自动办结 */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    kind?: "out_of_order" | "skipped_steps" | "refusal_without_basis" | "deemed_acceptance" | "repeated_notice" | "timeout_action";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            items: {
                                caseNo: string | null;
                                department: string | null;
                                details: unknown;
                                kind: string;
                                occurredAt: string;
                                step: string | null;
                            }[];
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考勤：窗口人员当日签到签退与大厅办公时间对照 */
        get: {
            parameters: {
                query?: {
                    day?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            items: {
                                closes: string | null;
                                late: boolean;
                                leftEarly: boolean;
                                name: string | null;
                                opens: string | null;
                                signedInAt: string | null;
                                signedOutAt: string | null;
                                userId: string;
                                window: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 监察卡列表（预警、黄牌、红牌；按可见范围） */
        get: {
            parameters: {
                query?: {
                    caseNo?: string;
                    departmentId?: string;
                    level?: "warning" | "yellow" | "red";
                    limit?: number;
                    offset?: number;
                    status?: "raised" | "accepted" | "filed" | "investigating" | "decided" | "appealed" | "upheld" | "revoked";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assignee: string | null;
                                caseNo: string;
                                department: string | null;
                                departmentId: string | null;
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                level: "warning" | "yellow" | "red";
                                number: string;
                                raisedAt: string;
                                rule: string;
                                ruleName: string;
                                ruleVersion: number;
                                stage: string;
                                /** @enum {string} */
                                status: "raised" | "accepted" | "filed" | "investigating" | "decided" | "appealed" | "upheld" | "revoked";
                                stepName: string | null;
                            }[];
                            levels: {
                                red: number;
                                warning: number;
                                yellow: number;
                            };
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 监察卡详情：受理、立案、调查、处理、申诉及各环节时限 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignee: string | null;
                            caseEvents: {
                                actorRole: string | null;
                                occurredAt: string;
                                seq: number;
                                type: string;
                            }[] | null;
                            caseNo: string;
                            clocks: {
                                /** @enum {string} */
                                colour: "green" | "yellow" | "red";
                                doneAt: string | null;
                                dueAt: string;
                                startedAt: string;
                                /** @enum {string} */
                                step: "accept" | "decide" | "appeal" | "review";
                            }[];
                            department: string | null;
                            departmentId: string | null;
                            dueAt: string | null;
                            handling: {
                                acceptedAt: string | null;
                                adviceNo: string | null;
                                appealedAt: string | null;
                                appealReason: string | null;
                                decidedAt: string | null;
                                filedAt: string | null;
                                fileReason: string | null;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "no_fault" | "criticism" | "rectification" | "referral" | null;
                                rectifyBy: string | null;
                                reviewedAt: string | null;
                                reviewOpinion: string | null;
                            };
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            level: "warning" | "yellow" | "red";
                            log: {
                                actorRole: string | null;
                                hash: string;
                                occurredAt: string;
                                seq: number;
                                type: string;
                            }[];
                            moves: ("accept" | "file" | "investigate" | "decide" | "appeal" | "review")[];
                            notes: {
                                attachedSeqs: number[];
                                author: string;
                                createdAt: string;
                                files: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    size: number;
                                }[];
                                /** Format: uuid */
                                id: string;
                                note: string;
                            }[] | null;
                            number: string;
                            raisedAt: string;
                            rule: string;
                            ruleName: string;
                            ruleVersion: number;
                            source: string;
                            stage: string;
                            /** @enum {string} */
                            status: "raised" | "accepted" | "filed" | "investigating" | "decided" | "appealed" | "upheld" | "revoked";
                            stepName: string | null;
                            triggerSeqs: number[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cards/{id}/advice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 监察建议书 PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF / 图片文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cards/{id}/evidence/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 调查证据文件（监察人员） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF / 图片文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cards/{id}/moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 监察卡办理：accept 受理 / file 立案 / investigate 调查 / decide 处理 / appeal 申诉 / review 复核 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        move: "accept";
                    } | {
                        /** @enum {string} */
                        move: "file";
                        reason: string;
                    } | {
                        attachSeqs?: number[];
                        evidence?: {
                            content: string;
                            name: string;
                        }[];
                        /** @enum {string} */
                        move: "investigate";
                        note: string;
                    } | {
                        /** @enum {string} */
                        move: "decide";
                        opinion: string;
                        /** @enum {string} */
                        outcome: "no_fault" | "criticism" | "rectification" | "referral";
                        /** Format: date */
                        rectifyBy?: string | null;
                    } | {
                        /** @enum {string} */
                        move: "appeal";
                        reason: string;
                    } | {
                        /** @enum {string} */
                        move: "review";
                        opinion: string;
                        /** @enum {string} */
                        verdict: "uphold" | "revoke";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignee: string | null;
                            caseEvents: {
                                actorRole: string | null;
                                occurredAt: string;
                                seq: number;
                                type: string;
                            }[] | null;
                            caseNo: string;
                            clocks: {
                                /** @enum {string} */
                                colour: "green" | "yellow" | "red";
                                doneAt: string | null;
                                dueAt: string;
                                startedAt: string;
                                /** @enum {string} */
                                step: "accept" | "decide" | "appeal" | "review";
                            }[];
                            department: string | null;
                            departmentId: string | null;
                            dueAt: string | null;
                            handling: {
                                acceptedAt: string | null;
                                adviceNo: string | null;
                                appealedAt: string | null;
                                appealReason: string | null;
                                decidedAt: string | null;
                                filedAt: string | null;
                                fileReason: string | null;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "no_fault" | "criticism" | "rectification" | "referral" | null;
                                rectifyBy: string | null;
                                reviewedAt: string | null;
                                reviewOpinion: string | null;
                            };
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            level: "warning" | "yellow" | "red";
                            log: {
                                actorRole: string | null;
                                hash: string;
                                occurredAt: string;
                                seq: number;
                                type: string;
                            }[];
                            moves: ("accept" | "file" | "investigate" | "decide" | "appeal" | "review")[];
                            notes: {
                                attachedSeqs: number[];
                                author: string;
                                createdAt: string;
                                files: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    size: number;
                                }[];
                                /** Format: uuid */
                                id: string;
                                note: string;
                            }[] | null;
                            number: string;
                            raisedAt: string;
                            rule: string;
                            ruleName: string;
                            ruleVersion: number;
                            source: string;
                            stage: string;
                            /** @enum {string} */
                            status: "raised" | "accepted" | "filed" | "investigating" | "decided" | "appealed" | "upheld" | "revoked";
                            stepName: string | null;
                            triggerSeqs: number[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按办件编号前缀查找办件 */
        get: {
            parameters: {
                query: {
                    prefix: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                caseNo: string;
                                itemName: string | null;
                                status: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cases/{caseNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 过程监察：办件的五个阶段（受理、承办、审核、批准、办结）及其时间、办理人、时限与卡牌 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedAt: string | null;
                            anomalies: {
                                details: unknown;
                                kind: string;
                                occurredAt: string;
                            }[];
                            applicantType: string | null;
                            cards: {
                                assignee: string | null;
                                department: string | null;
                                dueAt: string | null;
                                /** @enum {string} */
                                level: "warning" | "yellow" | "red";
                                number: string;
                                raisedAt: string;
                                rule: string;
                                ruleName: string;
                                ruleVersion: number;
                                stage: string;
                                status: string;
                                step: string | null;
                            }[];
                            caseId: string;
                            caseNo: string;
                            channel: string | null;
                            concludedAt: string | null;
                            deemedAccepted: boolean;
                            department: string | null;
                            departmentId: string | null;
                            dueAt: string | null;
                            itemCode: string | null;
                            itemName: string | null;
                            outcome: string | null;
                            overdue: boolean;
                            paused: boolean;
                            source: string;
                            /** @enum {string|null} */
                            stage: "accept" | "handle" | "review" | "approve" | "conclude" | null;
                            stages: {
                                actors: string[];
                                completedAt: string | null;
                                dueAt: string | null;
                                /** @enum {string} */
                                stage: "accept" | "handle" | "review" | "approve" | "conclude";
                                startedAt: string | null;
                                steps: {
                                    assignee: string | null;
                                    byTimeout: boolean;
                                    completedAt: string | null;
                                    completedBy: string | null;
                                    department: string | null;
                                    dueAt: string | null;
                                    durationMs: number;
                                    limitMs: number | null;
                                    name: string | null;
                                    outcome: string | null;
                                    overdue: boolean;
                                    startedAt: string;
                                    status: string;
                                    stepId: string;
                                }[];
                            }[];
                            status: string;
                            submittedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验事件哈希链 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            firstBroken: {
                                reason: string;
                                seq: number;
                            } | null;
                            ok: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事件流（游标分页，按链序或最新在前；可按办件、类型、部门、日期过滤，afterSeq 实时跟随） */
        get: {
            parameters: {
                query?: {
                    /** @description 只要此序号之后的事件（实时跟随，升序）/ only events after this seq (live follow) */
                    afterSeq?: number;
                    /** @description 办件编号（该办件的全部事件）/ one case's events */
                    caseNo?: string;
                    /** @description 上一页返回的 nextCursor（不透明）；省略则从第一页开始 / nextCursor of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description 部门 / department */
                    departmentId?: string;
                    /** @description 发生日期起（含，北京时间）/ occurred on or after */
                    from?: string;
                    /** @description 每页条数，默认 50，最多 200 / rows per page */
                    limit?: number;
                    /** @description 按链序升序（默认）或最新在前 / chain order, or newest first */
                    order?: "asc" | "desc";
                    /** @description 发生日期止（含，北京时间）/ occurred on or before */
                    to?: string;
                    /** @description 事件类型，如 case.accepted / event type */
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                actorId: string | null;
                                actorRole: string | null;
                                /** Format: uuid */
                                caseId: string | null;
                                caseNo: string | null;
                                /** Format: uuid */
                                departmentId: string | null;
                                hash: string;
                                /** Format: uuid */
                                id: string;
                                occurredAt: string;
                                payload: unknown;
                                prevHash: string;
                                schemaVersion: number;
                                seq: number;
                                type: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/fees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 费用监察：收费事件（收费功能上线后才有） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feeEventsKnown: boolean;
                            items: unknown[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 被拒收的事件批次与来源异常 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                details: unknown;
                                recordedAt: string;
                                seq: number | null;
                                source: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 明天将变黄、变红的办件（按当前规则预测） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            cards: {
                                caseNo: string;
                                department: string | null;
                                dueAt: string | null;
                                /** @enum {string} */
                                level: "warning" | "yellow" | "red";
                                passesAt: string;
                                raised: boolean;
                                rule: string;
                                ruleVersion: number;
                                stage: string;
                                step: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 接收事件批次（来源签名 HMAC-SHA256；按来源与序号幂等；到达时校验哈希链；每批至多 2000 条）
         * @description Header `x-tongban-source`: the registered source id. Header `x-tongban-signature`: `sha256=<hex>`, HMAC-SHA256 of the raw body with the source's key. Events are the source's chained events in sequence order (docs/events.md). Events already received are skipped (the same batch twice is stored once); a gap (INGEST_SEQUENCE_GAP), an edited or differing event (INGEST_CHAIN_BROKEN), an event breaking the contract (INGEST_EVENT_INVALID), an unknown source (INGEST_SOURCE_UNKNOWN) or a bad signature (INGEST_SIGNATURE_INVALID) refuses the whole batch, stores none of it and records a finding.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    "x-tongban-signature": string;
                    "x-tongban-source": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: {
                            /** Format: uuid */
                            actorId: string | null;
                            actorRole: string | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseNo: string | null;
                            /** Format: uuid */
                            departmentId: string | null;
                            hash: string;
                            /** Format: uuid */
                            id: string;
                            occurredAt: string;
                            payload: unknown;
                            prevHash: string;
                            schemaVersion: number;
                            seq: number;
                            type: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            duplicates: number;
                            lastSeq: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 实时推送（server-sent events）：有新事件入库时通知页面刷新 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 来源取回本系统办件的预警与红黄牌通知（来源签名；先确认上次取回的，再取至多 200 张）
         * @description Signed like an event batch (`x-tongban-source`, `x-tongban-signature`). The supervision platform knows the people responsible only by the ids their events carried; the source tells them. `ack` lists the cards whose notices the source delivered since its previous request (marked delivered, only cards of that source); the answer holds the next cards with messages still waiting, oldest first, each with the step's holder and the departments whose head is told. A source delivers them in its own transaction and acknowledges them in its next request, so a crash fetches them again: deliver each card once by its id. An unknown source or a bad signature is refused and recorded as a finding.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    "x-tongban-signature": string;
                    "x-tongban-source": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        ack?: string[];
                        /** @default 100 */
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged: number;
                            notices: {
                                /** Format: uuid */
                                cardId: string;
                                /** Format: uuid */
                                caseId: string;
                                caseNo: string;
                                dueAt: string | null;
                                /** @enum {string} */
                                level: "warning" | "yellow" | "red";
                                number: string;
                                recipients: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "user" | "department_head";
                                }[];
                                ruleName: string;
                                stepName: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 综合监察：按部门或事项统计各状态办件数、按时与超期、预警与黄红牌 */
        get: {
            parameters: {
                query?: {
                    by?: "department" | "item";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by: string;
                            from: string;
                            rows: {
                                atIntake: number;
                                concluded: number;
                                inProgress: number;
                                key: string | null;
                                name: string | null;
                                onTime: number;
                                overdue: number;
                                red: number;
                                refused: number;
                                total: number;
                                warned: number;
                                yellow: number;
                            }[];
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 预警纠错规则（当前版本与历史版本） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                createdAt: string;
                                createdBy: string | null;
                                lifecycle: {
                                    acceptWorkdays: number;
                                    appealWorkdays: number;
                                    decideWorkdays: number;
                                    reviewWorkdays: number;
                                };
                                note: string;
                                rules: ({
                                    code: string;
                                    enabled: boolean;
                                    /** @enum {string} */
                                    kind: "threshold";
                                    /** @enum {string} */
                                    level: "warning" | "yellow" | "red";
                                    /** @enum {string} */
                                    measure: "used_fraction" | "workdays_left" | "overdue";
                                    nameEn: string;
                                    nameZh: string;
                                    value: number;
                                } | {
                                    code: string;
                                    enabled: boolean;
                                    eventTypes: string[];
                                    /** @enum {string} */
                                    kind: "violation";
                                    /** @enum {string} */
                                    level: "warning" | "yellow" | "red";
                                    nameEn: string;
                                    nameZh: string;
                                })[];
                                version: number;
                            };
                            history: {
                                createdAt: string;
                                createdBy: string | null;
                                lifecycle: {
                                    acceptWorkdays: number;
                                    appealWorkdays: number;
                                    decideWorkdays: number;
                                    reviewWorkdays: number;
                                };
                                note: string;
                                rules: ({
                                    code: string;
                                    enabled: boolean;
                                    /** @enum {string} */
                                    kind: "threshold";
                                    /** @enum {string} */
                                    level: "warning" | "yellow" | "red";
                                    /** @enum {string} */
                                    measure: "used_fraction" | "workdays_left" | "overdue";
                                    nameEn: string;
                                    nameZh: string;
                                    value: number;
                                } | {
                                    code: string;
                                    enabled: boolean;
                                    eventTypes: string[];
                                    /** @enum {string} */
                                    kind: "violation";
                                    /** @enum {string} */
                                    level: "warning" | "yellow" | "red";
                                    nameEn: string;
                                    nameZh: string;
                                })[];
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        /** 保存预警纠错规则的新版本（已出示的卡保留原版本） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseVersion: number;
                        lifecycle: {
                            acceptWorkdays: number;
                            appealWorkdays: number;
                            decideWorkdays: number;
                            reviewWorkdays: number;
                        };
                        /** @default  */
                        note?: string;
                        rules: ({
                            code: string;
                            enabled: boolean;
                            /** @enum {string} */
                            kind: "threshold";
                            /** @enum {string} */
                            level: "warning" | "yellow" | "red";
                            /** @enum {string} */
                            measure: "used_fraction" | "workdays_left" | "overdue";
                            nameEn: string;
                            nameZh: string;
                            value: number;
                        } | {
                            code: string;
                            enabled: boolean;
                            eventTypes: string[];
                            /** @enum {string} */
                            kind: "violation";
                            /** @enum {string} */
                            level: "warning" | "yellow" | "red";
                            nameEn: string;
                            nameZh: string;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            createdBy: string | null;
                            lifecycle: {
                                acceptWorkdays: number;
                                appealWorkdays: number;
                                decideWorkdays: number;
                                reviewWorkdays: number;
                            };
                            note: string;
                            rules: ({
                                code: string;
                                enabled: boolean;
                                /** @enum {string} */
                                kind: "threshold";
                                /** @enum {string} */
                                level: "warning" | "yellow" | "red";
                                /** @enum {string} */
                                measure: "used_fraction" | "workdays_left" | "overdue";
                                nameEn: string;
                                nameZh: string;
                                value: number;
                            } | {
                                code: string;
                                enabled: boolean;
                                eventTypes: string[];
                                /** @enum {string} */
                                kind: "violation";
                                /** @enum {string} */
                                level: "warning" | "yellow" | "red";
                                nameEn: string;
                                nameZh: string;
                            })[];
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 事件来源（接入的审批系统）列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                enabled: boolean;
                                id: string;
                                lastBatchAt: string | null;
                                lastSeq: number;
                                name: string;
                                received: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记事件来源（返回一次签名密钥，仅此一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            id: string;
                            key: string;
                            lastBatchAt: string | null;
                            lastSeq: number;
                            name: string;
                            received: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 启用或停用事件来源 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            id: string;
                            lastBatchAt: string | null;
                            lastSeq: number;
                            name: string;
                            received: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/supervision/sources/{id}/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更换来源的签名密钥（旧密钥立即失效） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件数量异常监察：今日办件量与过去各周同一天同一时段相比超过三个标准差 */
        get: {
            parameters: {
                query?: {
                    by?: "department" | "item";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            rows: {
                                flagged: boolean;
                                key: string | null;
                                mean: number;
                                name: string | null;
                                sd: number;
                                today: number;
                                weeks: number;
                                z: number;
                            }[];
                            weeks: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待办（游标分页，按到达时间；本部门的、指派给我的、委派给我的） */
        get: {
            parameters: {
                query?: {
                    /** @description 申请人姓名或名称（前缀）/ applicant name prefix */
                    applicant?: string;
                    /** @description 办件编号（前缀）/ case number prefix */
                    caseNo?: string;
                    /** @description 上一页返回的 nextCursor（不透明）；省略则从第一页开始 / nextCursor of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description 起始日期（含，北京时间）/ first day, inclusive (UTC+8) */
                    from?: string;
                    /** @description 办理事项 / service item */
                    itemId?: string;
                    /** @description 每页条数，默认 50，最多 200 / rows per page */
                    limit?: number;
                    /** @description 按时间升序或降序 / oldest or newest first */
                    order?: "asc" | "desc";
                    /** @description 截止日期（含，北京时间）/ last day, inclusive (UTC+8) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applicantName: string;
                                /** Format: uuid */
                                caseId: string;
                                caseNo: string;
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                itemName: string;
                                name: string;
                                recused: boolean;
                                workdaysLeft: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审批决定（准予 / 不予；可带 Idempotency-Key） */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Idempotency-Key: 8–100 visible ASCII characters; a retry with the same key returns the first answer */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opinion: string;
                        /** @enum {string} */
                        outcome: "approved" | "denied";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string | null;
                            applicantName: string;
                            caseNo: string;
                            /** @enum {string} */
                            channel: "online" | "window";
                            clock: {
                                /** @enum {string|null} */
                                colour: "green" | "yellow" | "red" | null;
                                due: string | null;
                                extension: {
                                    approverRole: string;
                                    createdAt: string;
                                    reason: string;
                                    workdays: number;
                                } | null;
                                ledger: string | null;
                                legalDue: string | null;
                                legalLedger: string | null;
                                notice: {
                                    due: string;
                                    issuedAt: string | null;
                                    /** @enum {string} */
                                    state: "open" | "notified" | "deemed_accepted";
                                } | null;
                                overdue: boolean;
                                pauses: {
                                    expectedLastDay: string;
                                    firstDay: string;
                                    /** Format: uuid */
                                    id: string;
                                    lastDay: string | null;
                                    reason: string;
                                    running: boolean;
                                    type: string;
                                }[];
                                /** @enum {string} */
                                phase: "intake" | "supplement" | "handling" | "concluded";
                                provisional: boolean;
                                workdaysLeft: number | null;
                            };
                            /** @enum {string|null} */
                            colour: "green" | "yellow" | "red" | null;
                            /** Format: date-time */
                            concludedAt: string | null;
                            departmentName: string;
                            /** Format: date-time */
                            dueAt: string | null;
                            dueProvisional: boolean;
                            /** @description FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms */
                            form: {
                                layout: {
                                    [key: string]: unknown;
                                }[];
                                schema: {
                                    [key: string]: unknown;
                                };
                            } | null;
                            formData: {
                                [key: string]: unknown;
                            };
                            formFields: {
                                key: string;
                                label: string;
                                required: boolean;
                                /** @enum {string} */
                                type: "text" | "textarea" | "number" | "date" | "phone";
                            }[];
                            hasProcess: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            itemId: string;
                            itemName: string;
                            materials: {
                                materialName: string;
                                mimeType: string;
                                originalName: string;
                                sizeBytes: number;
                                /** Format: uuid */
                                uploadId: string;
                            }[];
                            owedMaterials: {
                                dueDate: string;
                                /** Format: uuid */
                                materialId: string;
                                name: string;
                                overdue: boolean;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            queryCode: string;
                            resultNote: string | null;
                            /** @enum {string} */
                            status: "submitted" | "supplement_requested" | "accepted" | "refused" | "approved" | "denied";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedByName: string | null;
                            supplementNotice: {
                                /** Format: date-time */
                                issuedAt: string;
                                items: {
                                    /** Format: uuid */
                                    materialId: string;
                                    name: string;
                                    note: string;
                                    /** @enum {string} */
                                    problem: "missing" | "irregular";
                                }[];
                                note: string;
                                /** Format: date-time */
                                supplementedAt: string | null;
                            } | null;
                            tasks: {
                                /** Format: date-time */
                                completedAt: string | null;
                                departmentName: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                opinion: string | null;
                                /** @enum {string|null} */
                                outcome: "approved" | "denied" | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                            }[];
                            timeline: {
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                                step: string | null;
                                type: string;
                            }[];
                            windowName: string | null;
                            workdaysLeft: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 委派 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** Format: uuid */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 委派办结，交回 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opinion?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回到之前的环节 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opinion: string;
                        targetNodeId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可退回到的环节 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nodeIds: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/signers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 加签 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        users: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/signers/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 减签 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        signerIndex: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转办 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** Format: uuid */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/unclaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回签收 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 催办（每小时至多一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回（下一环节尚未办理前） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传申请材料（multipart，字段 file；PDF/JPG/PNG） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            mimeType: string;
                            originalName: string;
                            sizeBytes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载材料（附件方式） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 工作交接：把某人全部在办任务移交他人 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskIds: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/handover-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作交接：可接收此人全部在办任务的工作人员（各任务所属部门的审批人员或部门负责人） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                departmentName: string | null;
                                displayName: string;
                                /** Format: uuid */
                                id: string;
                                role: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 流程定义列表（按流程标识分组：各版本及其运行中的实例数、草稿、绑定的办理事项） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 比发布版本更新的草稿（如有） */
                            draft: {
                                createdAt: string;
                                id: string;
                                key: string;
                                name: string | null;
                                /** @description 运行中（含挂起）的实例数 */
                                openInstances: number;
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                /** @description 累计启动的实例数 */
                                totalInstances: number;
                                version: number;
                            } | null;
                            /** @description 绑定此流程的办理事项 */
                            items: {
                                code: string;
                                enabled: boolean;
                                id: string;
                                name: string;
                            }[];
                            key: string;
                            name: string | null;
                            /** @description 最新发布版本；只有草稿时为 null */
                            published: {
                                createdAt: string;
                                id: string;
                                key: string;
                                name: string | null;
                                /** @description 运行中（含挂起）的实例数 */
                                openInstances: number;
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                /** @description 累计启动的实例数 */
                                totalInstances: number;
                                version: number;
                            } | null;
                            /** @description 全部版本，新的在前 */
                            versions: {
                                createdAt: string;
                                id: string;
                                key: string;
                                name: string | null;
                                /** @description 运行中（含挂起）的实例数 */
                                openInstances: number;
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                /** @description 累计启动的实例数 */
                                totalInstances: number;
                                version: number;
                            }[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 部署流程定义：保存为新版本草稿（publish=true 时直接发布）；有错误时 BPMN_INVALID，details.findings 列出问题 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publish?: boolean;
                        xml: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/definitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个流程定义版本（含 BPMN XML） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            key: string;
                            name: string | null;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            version: number;
                            xml: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除草稿版本（已发布的版本不可删除：DEFINITION_NOT_DRAFT） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/definitions/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出 .bpmn 文件 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/definitions/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布草稿版本（发布后不可修改） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/expressions/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 检查表达式能否解析（流转条件、会签人数、办理人表达式）；不求值 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expression: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                en: string;
                                position: number;
                                zh: string;
                            };
                            valid: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 校验 BPMN XML（返回全部问题，不保存） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        xml: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            errors: number;
                            findings: {
                                code: string;
                                elementId: string | null;
                                elementType: string | null;
                                en: string;
                                /** @enum {string} */
                                severity: "error" | "warning";
                                zh: string;
                            }[];
                            warnings: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ResourceNode: {
            builtin: boolean;
            children: components["schemas"]["ResourceNode"][];
            code: string;
            duty: ("applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin") | null;
            enabled: boolean;
            guarded: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "root" | "shell" | "menu" | "page" | "action" | "api";
            method: string | null;
            name: string;
            nameEn: string;
            parentId: string | null;
            roles: string[];
            route: string | null;
            sortOrder: number;
        };
        ResourceNodeInput: {
            builtin: boolean;
            children: components["schemas"]["ResourceNodeInput"][];
            code: string;
            duty: ("applicant" | "clerk" | "approver" | "manager" | "supervisor" | "admin" | "agency_head" | "government_head" | "supervision_leader" | "audit_admin" | "security_admin") | null;
            enabled: boolean;
            guarded: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "root" | "shell" | "menu" | "page" | "action" | "api";
            method: string | null;
            name: string;
            nameEn: string;
            parentId: string | null;
            roles: string[];
            route: string | null;
            sortOrder: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
